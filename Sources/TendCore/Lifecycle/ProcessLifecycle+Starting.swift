extension ProcessLifecycle {
    /// STARTING: waiting for the spawn to be confirmed, then for `startsecs` to pass. An exit before that
    /// is a failed start; a stop before the pid is known waits for it in STOPPING.
    func whileStarting(on event: LifecycleEvent, spec: LifecycleSpec, now: MonotonicInstant) -> LifecycleTransition {
        switch event {
        case .spawned(let newPid):
            guard pid == nil else { return unchanged }
            return applying { $0.recordSpawn(pid: newPid, spec: spec, now: now) }
        case .spawnFailed(let message):
            guard pid == nil else { return unchanged }
            return applying { $0.failStart(reason: message, exit: nil, spec: spec, now: now) }
        case .exited(let exit):
            guard pid != nil else { return unchanged }
            if let startedAt, now - startedAt < spec.startSeconds {
                return applying {
                    $0.failStart(reason: Self.exitedTooQuickly, exit: exit, spec: spec, now: now)
                }
            }
            return applying { $0.finishRun(exit: exit, spec: spec, now: now) }
        case .stop:
            return applying { $0.beginStop(spec: spec, now: now) }
        case .tick:
            guard pid != nil, isDue(at: now) else { return unchanged }
            return applying { $0.enterRunning(spec: spec, now: now) }
        case .start, .signalFailed:
            return unchanged
        }
    }

    /// BACKOFF: a failed start waits for its retry. A stop goes straight to STOPPED, as in supervisord, so a
    /// long retry delay never blocks a stop.
    func whileBackingOff(on event: LifecycleEvent, spec: LifecycleSpec, now: MonotonicInstant) -> LifecycleTransition {
        switch event {
        case .tick:
            guard isDue(at: now) else { return unchanged }
            return applying { $0.beginAttempt(now: now) }
        case .stop:
            return applying {
                $0.state = .stopped
                $0.stopRequestedAt = now
                $0.deadline = nil
                return []
            }
        case .start, .spawned, .spawnFailed, .exited, .signalFailed:
            return unchanged
        }
    }

    /// supervisord's reason for an exit before `startsecs`.
    static let exitedTooQuickly = "Exited too quickly (process log may have details)"
}
