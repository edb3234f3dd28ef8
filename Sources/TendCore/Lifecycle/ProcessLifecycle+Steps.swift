/// The steps the per-state handlers share. Each mutates a copy of the record and returns the actions the
/// runtime must carry out.
extension ProcessLifecycle {
    /// A start someone asked for (operator or reconciler): a fresh retry budget, then an attempt.
    /// supervisord keeps its counter across a stop in BACKOFF; tend clears it, so a start always gets all
    /// of `startretries`.
    mutating func beginFreshAttempt(now: MonotonicInstant) -> [LifecycleAction] {
        failedStarts = 0
        failureStreak = 0
        return beginAttempt(now: now)
    }

    /// STARTING with no pid yet: the runtime spawns and answers `.spawned` or `.spawnFailed`.
    mutating func beginAttempt(now: MonotonicInstant) -> [LifecycleAction] {
        state = .starting
        pid = nil
        startedAt = now
        deadline = nil
        errorMessage = nil
        killSent = false
        return [.spawn]
    }

    /// The child exists: `startsecs` counts from now; with `startsecs = 0` it is RUNNING at once.
    mutating func recordSpawn(pid newPid: Int32, spec: LifecycleSpec, now: MonotonicInstant) -> [LifecycleAction] {
        pid = newPid
        startedAt = now
        if spec.startSeconds <= .zero {
            return enterRunning(spec: spec, now: now)
        }
        deadline = now.advanced(by: spec.startSeconds)
        return []
    }

    /// RUNNING clears the failed-start count. The failure streak is cleared too once the run is stable;
    /// until then the deadline is the moment it becomes stable.
    mutating func enterRunning(spec: LifecycleSpec, now: MonotonicInstant) -> [LifecycleAction] {
        state = .running
        failedStarts = 0
        let stableAt = (startedAt ?? now).advanced(by: spec.stableRunDuration)
        if now >= stableAt {
            failureStreak = 0
            deadline = nil
        } else {
            deadline = failureStreak > 0 ? stableAt : nil
        }
        return []
    }

    /// A failed start (an exit before `startsecs` or a spawn error): BACKOFF with the next delay, or FATAL
    /// once `startretries` is exceeded (3 retries allow 4 attempts).
    mutating func failStart(
        reason: String, exit: ProcessExit?, spec: LifecycleSpec, now: MonotonicInstant
    ) -> [LifecycleAction] {
        pid = nil
        failedStarts += 1
        failureStreak += 1
        errorMessage = reason
        if let exit {
            lastExit = exit
            lastExitExpected = false
            exitedAt = now
        }
        if spec.startRetries.isExceeded(byFailures: failedStarts) {
            state = .fatal
            deadline = nil
        } else {
            state = .backoff
            deadline = now.advanced(by: spec.backoff.delay(afterFailures: failureStreak))
        }
        return []
    }

    /// An exit after `startsecs`: EXITED, expected when the status is in `exitcodes`; `autorestart` decides
    /// whether a restart is due. A run shorter than the stable-run duration that is restarted extends the
    /// failure streak, and the restart waits the backoff delay (only possible with exponential backoff);
    /// otherwise the restart is due at once, as in supervisord.
    mutating func finishRun(exit: ProcessExit, spec: LifecycleSpec, now: MonotonicInstant) -> [LifecycleAction] {
        let expected = exit.isExpected(exitCodes: spec.exitCodes)
        let restarts = spec.autorestart.restarts(afterExpectedExit: expected)
        let stable = now - (startedAt ?? now) >= spec.stableRunDuration
        failedStarts = 0
        if stable {
            failureStreak = 0
        } else if restarts {
            failureStreak += 1
        }
        state = .exited
        pid = nil
        lastExit = exit
        lastExitExpected = expected
        exitedAt = now
        errorMessage = expected ? nil : Self.badExitReason(exit)
        if restarts {
            let delay = failureStreak == 0 ? Duration.zero : spec.backoff.delay(afterFailures: failureStreak)
            deadline = now.advanced(by: delay)
        } else {
            deadline = nil
        }
        return []
    }

    /// STOPPING: signal now if the pid is known, else as soon as `.spawned` brings it.
    mutating func beginStop(spec: LifecycleSpec, now: MonotonicInstant) -> [LifecycleAction] {
        state = .stopping
        stopRequestedAt = now
        killSent = false
        guard pid != nil else {
            deadline = nil
            return []
        }
        return sendStopSignal(spec: spec, now: now)
    }

    /// Sends `stopsignal` and gives the process `stopwaitsecs` to exit.
    mutating func sendStopSignal(spec: LifecycleSpec, now: MonotonicInstant) -> [LifecycleAction] {
        deadline = now.advanced(by: spec.stopWaitSeconds)
        return [.signal(spec.stopSignal, toGroup: spec.stopAsGroup)]
    }

    /// `stopwaitsecs` passed: SIGKILL, repeated every `stopwaitsecs` (as supervisord does) until the exit.
    mutating func escalateToKill(spec: LifecycleSpec, now: MonotonicInstant) -> [LifecycleAction] {
        killSent = true
        deadline = now.advanced(by: spec.stopWaitSeconds)
        return [.signal(.kill, toGroup: spec.killAsGroup)]
    }

    /// The exit after a stop: STOPPED, whatever the status.
    mutating func finishStop(exit: ProcessExit, spec: LifecycleSpec, now: MonotonicInstant) -> [LifecycleAction] {
        state = .stopped
        pid = nil
        deadline = nil
        lastExit = exit
        lastExitExpected = exit.isExpected(exitCodes: spec.exitCodes)
        exitedAt = now
        return []
    }

    /// supervisord's reason for an unexpected exit ("Bad exit code 1"), extended to deaths by signal.
    static func badExitReason(_ exit: ProcessExit) -> String {
        switch exit {
        case .exited(let code): return "Bad exit code \(code)"
        case .signaled: return "Bad exit: \(exit)"
        }
    }
}
