extension ProcessLifecycle {
    /// STOPPED, EXITED and FATAL: no process exists. A start begins a fresh attempt; EXITED may also have a
    /// restart due (autorestart), which a stop cancels.
    func whileIdle(on event: LifecycleEvent, spec: LifecycleSpec, now: MonotonicInstant) -> LifecycleTransition {
        switch event {
        case .start:
            return applying { $0.beginFreshAttempt(now: now) }
        case .stop:
            guard state == .exited, deadline != nil else { return unchanged }
            return applying { $0.cancelRestart() }
        case .tick:
            guard state == .exited, isDue(at: now) else { return unchanged }
            return applying { $0.restartIfStillWanted(spec: spec, now: now) }
        case .spawned, .spawnFailed, .exited, .signalFailed:
            return unchanged
        }
    }
}

extension ProcessLifecycle {
    /// A stop while a restart is pending after an exit goes straight to STOPPED, as a stop in BACKOFF does:
    /// the process is not running and the operator asked that it not be started again.
    fileprivate mutating func cancelRestart() -> [LifecycleAction] {
        state = .stopped
        deadline = nil
        return []
    }

    /// The restart after an exit is due. The current spec decides once more whether it is still wanted, so
    /// a reload that set `autorestart = "never"` during a long backoff is honoured.
    fileprivate mutating func restartIfStillWanted(spec: LifecycleSpec, now: MonotonicInstant) -> [LifecycleAction] {
        let expected = lastExit?.isExpected(exitCodes: spec.exitCodes) ?? true
        guard spec.autorestart.restarts(afterExpectedExit: expected) else {
            deadline = nil
            return []
        }
        return beginAttempt(now: now)
    }
}
