extension ProcessLifecycle {
    /// STOPPING: the stop signal went out (or goes out as soon as a pending spawn is confirmed); SIGKILL
    /// follows every `stopwaitsecs` until the exit arrives, which makes it STOPPED.
    func whileStopping(on event: LifecycleEvent, spec: LifecycleSpec, now: MonotonicInstant) -> LifecycleTransition {
        switch event {
        case .spawned(let newPid):
            guard pid == nil else { return unchanged }
            return applying {
                $0.pid = newPid
                $0.startedAt = now
                return $0.sendStopSignal(spec: spec, now: now)
            }
        case .spawnFailed(let message):
            guard pid == nil else { return unchanged }
            return applying {
                $0.state = .stopped
                $0.errorMessage = message
                $0.deadline = nil
                return []
            }
        case .exited(let exit):
            guard pid != nil else { return unchanged }
            return applying { $0.finishStop(exit: exit, spec: spec, now: now) }
        case .tick:
            guard pid != nil, isDue(at: now) else { return unchanged }
            return applying { $0.escalateToKill(spec: spec, now: now) }
        case .signalFailed(let message):
            guard pid != nil else { return unchanged }
            return applying {
                $0.state = .unknown
                $0.errorMessage = message
                $0.deadline = nil
                return []
            }
        case .start, .stop:
            return unchanged
        }
    }

    /// UNKNOWN: a stop signal could not be delivered. The pid is kept (the runtime still holds its pidfd),
    /// so the exit, when it comes, makes it STOPPED; a new stop tries the signals again.
    func whileUnknown(on event: LifecycleEvent, spec: LifecycleSpec, now: MonotonicInstant) -> LifecycleTransition {
        switch event {
        case .exited(let exit):
            return applying { $0.finishStop(exit: exit, spec: spec, now: now) }
        case .stop:
            return applying { $0.beginStop(spec: spec, now: now) }
        case .start, .spawned, .spawnFailed, .signalFailed, .tick:
            return unchanged
        }
    }
}
