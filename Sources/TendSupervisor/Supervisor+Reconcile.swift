import TendCore
import TendSystem

extension Supervisor {
    /// One or more reconcile passes: tick every lifecycle whose deadline is due, plan, carry the plan out;
    /// again while a pass changed something that is due at once (a restart that follows an exit at once).
    /// Then arm the timer for the earliest deadline left.
    ///
    /// A pass plans every process only when the desired state or the overrides changed (or while shutting
    /// down); otherwise it plans the processes the table saw change, which is what the whole plan would
    /// differ in, since a plan depends on nothing else.
    func settle() {
        for _ in 0..<16 {
            let now = clock.now()
            var acted = false
            for name in processes.dueNames(at: now) {
                apply(.tick, to: name, now: now)
                acted = true
            }
            let plan = planPass(now: now)
            for action in shuttingDown ? shutdownWave(plan.actions) : plan.actions {
                execute(action, now: now)
                acted = true
            }
            if !acted { break }
        }
        timer.arm(for: processes.earliestDeadline, clock: clock)
        resumeWaiters()
    }

    /// The plan for this pass: over the whole table when needed, else over the processes changed since the
    /// previous pass.
    private func planPass(now: MonotonicInstant) -> Plan {
        let changed = processes.takeChanged()
        if needsFullPass || shuttingDown {
            needsFullPass = false
            let target: Planner.Target = shuttingDown ? .nothing : .desired
            return Planner.plan(processes.desiredAndObserved, towards: target, overrides: overrides.overrides, now: now)
        }
        if changed.isEmpty { return Plan(actions: [], deadline: nil) }
        return Planner.plan(for: changed, in: processes.desiredAndObserved, overrides: overrides.overrides, now: now)
    }

    /// While shutting down, only the stops of the highest priority still active: the next priority waits
    /// until those have stopped. Forgetting stopped processes is not needed.
    private func shutdownWave(_ actions: [PlannedAction]) -> [PlannedAction] {
        let stops = actions.filter { $0.kind == .stop || $0.kind == .restart }
        let stopping = processes.values.filter { $0.state == .stopping }.map(\.observed.applied.priority)
        guard let highest = (stops.map(\.priority) + stopping).max() else { return [] }
        return stops.filter { $0.priority == highest }.map {
            PlannedAction(.stop, $0.name, reason: "shutting down", priority: $0.priority, desired: nil)
        }
    }

    /// Carries out one planned action.
    func execute(_ action: PlannedAction, now: MonotonicInstant) {
        let name = action.name
        logger.info("\(action.kind.rawValue) \(name) (\(action.reason))")
        switch action.kind {
        case .add:
            if let desired = action.desired { processes[name] = ManagedProcess(applied: desired) }
        case .start:
            guard let desired = action.desired else { return }
            var process = processes[name] ?? ManagedProcess(applied: desired)
            process.observed.applied = desired
            process.observed.activation = Activation(fingerprint: desired.fingerprint, generation: overrides.overrides[name]?.generation ?? 0)
            processes[name] = process
            apply(.start, to: name, now: now)
        case .stop, .restart:
            apply(.stop, to: name, now: now)
        case .update:
            guard let desired = action.desired, var process = processes[name] else { return }
            process.observed.applied = desired
            processes[name] = process
        case .forget:
            if let process = processes.removeValue(forKey: name) {
                for stream in process.logStreams { pump.detach(stream) }
            }
        }
    }

    /// Feeds one event to a process's lifecycle and performs the actions it returns.
    func apply(_ event: LifecycleEvent, to name: String, now: MonotonicInstant) {
        guard var process = processes[name] else { return }
        let before = process.state
        let transition = process.observed.lifecycle.transition(on: event, spec: process.observed.applied.lifecycle, now: now)
        process.observed.lifecycle = transition.lifecycle
        processes[name] = process
        if process.state != before { stateChanged(name, from: before, at: now) }
        for action in transition.actions {
            switch action {
            case .spawn:
                switch launch(name) {
                case .success(let pid): apply(.spawned(pid: pid), to: name, now: clock.now())
                case .failure(let failure): apply(.spawnFailed(message: failure.message), to: name, now: clock.now())
                }
            case .signal(let signal, let toGroup):
                guard let child = processes[name]?.child else { continue }
                do {
                    _ = try reaper.signal(child, signal, toGroup: toGroup)
                } catch {
                    logger.error("cannot signal \(name): \(error.message)")
                    apply(.signalFailed(message: error.message), to: name, now: clock.now())
                }
            }
        }
    }

    /// A child was reaped: hand its exit to the lifecycle of the process it belongs to, if it still does.
    func childExited(name: String, serial: UInt64, termination: Termination, at time: MonotonicInstant) {
        guard var process = processes[name], process.child?.serial == serial else { return }
        process.child = nil
        process.startedAtWallClock = nil
        for stream in process.logStreams { pump.detach(stream) }
        process.logStreams = []
        processes[name] = process
        let exit: ProcessExit
        switch termination {
        case .exited(let code): exit = .exited(code: code)
        case .signaled(let signal, let coreDumped): exit = .signaled(signal: signal, coreDumped: coreDumped)
        case .unknown: exit = .exited(code: -1)
        }
        apply(.exited(exit), to: name, now: time)
    }

    /// Logs and publishes a state change that happened at `instant` (an exit's reaping time, a deadline).
    func stateChanged(_ name: String, from before: ProcessState, at instant: MonotonicInstant) {
        guard let process = processes[name] else { return }
        let lifecycle = process.observed.lifecycle
        var detail: String?
        switch lifecycle.state {
        case .running, .starting: detail = nil
        case .exited, .stopped: detail = lifecycle.lastExit?.description
        case .backoff, .fatal, .unknown: detail = lifecycle.errorMessage
        case .stopping: detail = nil
        }
        let level: Logger.Level = [.fatal, .backoff, .unknown].contains(lifecycle.state) ? .warning : .info
        let shown = detail ?? process.child.map { "pid \($0.pid)" }
        logger.log(level: level, "\(name): \(before.rawValue) -> \(lifecycle.state.rawValue)\(shown.map { " (\($0))" } ?? "")")
        events.publish(.stateChanged(name: name, from: before.rawValue, to: lifecycle.state.rawValue, pid: process.child?.pid, detail: detail, time: WallClock.now() - (clock.now() - instant).seconds))
    }
}

import Logging
