extension ProcessLifecycle {
    /// RUNNING: up for at least `startsecs`. An exit goes to EXITED; with a failure streak the deadline is
    /// the moment the run becomes stable, when the streak is cleared.
    func whileRunning(on event: LifecycleEvent, spec: LifecycleSpec, now: MonotonicInstant) -> LifecycleTransition {
        switch event {
        case .exited(let exit):
            return applying { $0.finishRun(exit: exit, spec: spec, now: now) }
        case .stop:
            return applying { $0.beginStop(spec: spec, now: now) }
        case .tick:
            guard isDue(at: now) else { return unchanged }
            return applying {
                $0.failureStreak = 0
                $0.deadline = nil
                return []
            }
        case .start, .spawned, .spawnFailed, .signalFailed:
            return unchanged
        }
    }
}
