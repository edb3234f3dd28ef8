/// The outcome of one event: the new record, what to do now, and when to wake for this process next.
public struct LifecycleTransition: Hashable, Sendable {
    /// The record after the event.
    public var lifecycle: ProcessLifecycle
    /// What the runtime must carry out, in order.
    public var actions: [LifecycleAction]

    /// When the loop must send `.tick` next, or nil when only an outside event can change anything.
    /// A deadline at or before `now` means "tick again right away" (an immediate restart from EXITED).
    public var deadline: MonotonicInstant? { lifecycle.deadline }

    /// Pairs a record with the actions the event requires.
    public init(lifecycle: ProcessLifecycle, actions: [LifecycleAction] = []) {
        self.lifecycle = lifecycle
        self.actions = actions
    }
}
