/// What the runtime knows of one process: its lifecycle, the desired settings it currently follows, and
/// under which launch and operator generation it was last started.
public struct ObservedProcess: Hashable, Sendable {
    /// The settings currently applied (the config it was started or last updated with).
    public var applied: DesiredProcess
    public var lifecycle: ProcessLifecycle
    /// The launch fingerprint and operator generation of the latest start the planner asked for, or nil
    /// if it was never started.
    public var activation: Activation?

    public init(applied: DesiredProcess, lifecycle: ProcessLifecycle, activation: Activation?) {
        self.applied = applied
        self.lifecycle = lifecycle
        self.activation = activation
    }

    public var name: String { applied.name }

    /// Whether a process exists or is about to (STARTING, RUNNING, BACKOFF, STOPPING, UNKNOWN, or EXITED
    /// with a restart pending), so a stop has something to do.
    public var isActive: Bool {
        switch lifecycle.state {
        case .starting, .running, .backoff, .stopping, .unknown: return true
        case .exited: return lifecycle.deadline != nil
        case .stopped, .fatal: return false
        }
    }
}

/// The circumstances of a start: what it launched and which operator request it answered.
public struct Activation: Hashable, Sendable {
    public var fingerprint: LaunchFingerprint
    public var generation: UInt64

    public init(fingerprint: LaunchFingerprint, generation: UInt64) {
        self.fingerprint = fingerprint
        self.generation = generation
    }
}
