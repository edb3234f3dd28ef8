extension ProcessLifecycle {
    /// The one transition function: how this record answers `event` at `now` under `spec`.
    ///
    /// It is total: every state answers every event. An event that means nothing in the current state
    /// returns the record unchanged with no actions (so the deadline stands). It is level-triggered: `.tick`
    /// before the deadline does nothing, at or after it does the due thing once and sets the next deadline.
    /// The spec is read at each event, so a changed `autorestart` or `stopwaitsecs` applies from the next
    /// decision on; a deadline already set stays as it was computed.
    public func transition(
        on event: LifecycleEvent,
        spec: LifecycleSpec,
        now: MonotonicInstant
    ) -> LifecycleTransition {
        switch state {
        case .stopped, .exited, .fatal: return whileIdle(on: event, spec: spec, now: now)
        case .starting: return whileStarting(on: event, spec: spec, now: now)
        case .running: return whileRunning(on: event, spec: spec, now: now)
        case .backoff: return whileBackingOff(on: event, spec: spec, now: now)
        case .stopping: return whileStopping(on: event, spec: spec, now: now)
        case .unknown: return whileUnknown(on: event, spec: spec, now: now)
        }
    }

    /// The answer to an event that means nothing in the current state.
    var unchanged: LifecycleTransition { LifecycleTransition(lifecycle: self) }

    /// Whether the deadline has come at `now`.
    func isDue(at now: MonotonicInstant) -> Bool {
        guard let deadline else { return false }
        return now >= deadline
    }

    /// Applies `step` to a copy of this record and pairs the result with the actions the step returns.
    func applying(_ step: (inout ProcessLifecycle) -> [LifecycleAction]) -> LifecycleTransition {
        var next = self
        let actions = step(&next)
        return LifecycleTransition(lifecycle: next, actions: actions)
    }
}
