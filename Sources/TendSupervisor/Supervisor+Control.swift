import TendCore
import TendSystem

extension Supervisor: SupervisorControl {
    public func status(_ selectors: [ProcessSelector]) async throws(ControlError) -> [ProcessStatus] {
        try resolve(selectors.isEmpty ? [.all] : selectors).compactMap { processes[$0].map(status(of:)) }
    }

    public func start(_ selectors: [ProcessSelector]) async throws(ControlError) -> [CommandResult] {
        let names = try resolve(selectors)
        let idle = names.filter { !(processes[$0].map { [.running, .starting, .backoff].contains($0.state) } ?? true) }
        guard let generation = try record(.started, for: idle) else {
            return names.map { result($0, ControlError(.alreadyStarted, "\($0) is already started")) }
        }
        await wait(for: idle, until: .started(generation: generation))
        return names.map { name in
            guard idle.contains(name) else { return result(name, ControlError(.alreadyStarted, "\(name) is already started")) }
            return startResult(name)
        }
    }

    public func stop(_ selectors: [ProcessSelector]) async throws(ControlError) -> [CommandResult] {
        let names = try resolve(selectors)
        let active = names.filter { processes[$0]?.observed.isActive ?? false }
        let idle = names.filter { !active.contains($0) }
        _ = try record(.stopped, for: names)
        await wait(for: active, until: .stopped)
        return names.map { name in
            idle.contains(name) ? result(name, ControlError(.notRunning, "\(name) is not running")) : result(name, nil)
        }
    }

    public func restart(_ selectors: [ProcessSelector]) async throws(ControlError) -> [CommandResult] {
        let names = try resolve(selectors)
        guard let generation = try record(.started, for: names) else { return [] }
        await wait(for: names, until: .started(generation: generation))
        return names.map(startResult)
    }

    public func signal(_ signal: Signal, _ selectors: [ProcessSelector]) async throws(ControlError) -> [CommandResult] {
        try resolve(selectors).map { name in
            guard let child = processes[name]?.child else { return result(name, ControlError(.notRunning, "\(name) is not running")) }
            do {
                _ = try reaper.signal(child, signal)
                logger.info("\(name): sent \(signal) on the operator's request")
                return result(name, nil)
            } catch {
                return result(name, ControlError(.failed, "\(error)"))
            }
        }
    }

    public func plan() async -> PlanReport {
        let loader = ConfigLoader(fileSystem: LocalConfigFileSystem(), host: settings.host, workingDirectory: settings.workingDirectory)
        var cache = fragmentCache
        guard let files = try? loader.gather(mainFile: settings.mainFile, cache: &cache) else {
            return PlanReport(actions: [], diagnostics: ["\(settings.mainFile):1:1: error: cannot read the main configuration file"], invalid: true)
        }
        var candidate = lastKnownGood
        let outcome = candidate.update(files, host: settings.host)
        var table = processes.desiredAndObserved
        if let config = outcome.config { table.replaceDesired(with: config.desiredProcesses) }
        let plan = Planner.plan(table, overrides: overrides.overrides, now: clock.now())
        return PlanReport(plan, diagnostics: outcome.diagnostics)
    }

    public func apply() async -> PlanReport {
        reload()
        let plan = Planner.plan(processes.desiredAndObserved, overrides: overrides.overrides, now: clock.now())
        let done = PlanReport(plan, diagnostics: latestDiagnostics)
        settle()
        return done
    }

    public func logFile(of name: String, stream: LogStream) async throws(ControlError) -> String? {
        guard let process = processes[name] else { throw ControlError(.badName, "no process named \(name)") }
        let spec = process.observed.applied.spec
        let destination = stream == .stdout || spec.stderr == .stdout ? spec.stdout : spec.stderr
        if case .file(let path, _, _) = destination { return path }
        return nil
    }

    public func events() async -> AsyncStream<SupervisorEvent> {
        events.subscribe { [weak self] id in
            Task { await self?.unsubscribe(id) }
        }
    }

    public func shutdown() async {
        beginShutdown()
        await wait(for: [], until: .finished)
    }

    private func unsubscribe(_ id: UInt64) {
        events.unsubscribe(id)
    }

    /// The process names the selectors address, in table order; a selector that matches nothing is an error.
    func resolve(_ selectors: [ProcessSelector]) throws(ControlError) -> [String] {
        var names: [String] = []
        for selector in selectors {
            let matches: [String]
            switch selector {
            case .all:
                matches = Array(processes.keys)
            case .name(let name):
                matches = processes[name] != nil ? [name] : processes.values.filter { $0.observed.applied.program == name }.map(\.name)
            case .group(let group):
                matches = processes.values.filter { $0.observed.applied.group == group }.map(\.name)
            case .member(let group, let name):
                matches = processes[name].map { $0.observed.applied.group == group ? [name] : [] } ?? []
            }
            if matches.isEmpty && selector != .all {
                throw ControlError(.badName, "no process, program or group matches \(selector)")
            }
            names.append(contentsOf: matches.filter { !names.contains($0) })
        }
        // Each name's priority looked up once, not at every comparison.
        return names.map { (priority: processes[$0]?.observed.applied.priority ?? 0, name: $0) }
            .sorted { ($0.priority, $0.name) < ($1.priority, $1.name) }
            .map(\.name)
    }

    /// Records the operator's wish for `names`, persists it and reconciles at once; nil when `names` is empty.
    private func record(_ intent: OperatorOverride.Intent, for names: [String]) throws(ControlError) -> UInt64? {
        guard !names.isEmpty else { return nil }
        guard !shuttingDown else { throw ControlError(.shuttingDown, "tend is shutting down") }
        let generation: UInt64
        do {
            generation = try overrides.record(intent, for: names)
        } catch {
            throw ControlError(.failed, "cannot save the operator's command in \(overrides.path): \(error)")
        }
        needsFullPass = true
        settle()
        return generation
    }

    private func startResult(_ name: String) -> CommandResult {
        guard let process = processes[name] else { return result(name, ControlError(.badName, "\(name) was removed")) }
        // EXITED after a start means it reached RUNNING first (a failed start ends in BACKOFF or FATAL): a
        // one-shot job with startsecs = 0 started fine.
        if process.state == .running || process.state == .exited { return result(name, nil) }
        let lifecycle = process.observed.lifecycle
        let why = lifecycle.errorMessage ?? lifecycle.lastExit?.description ?? "it is \(process.state.rawValue)"
        return result(name, ControlError(.spawnError, "\(name) did not start: \(why)"))
    }

    private func result(_ name: String, _ error: ControlError?) -> CommandResult {
        CommandResult(name: name, error: error, state: processes[name]?.state.rawValue ?? "REMOVED")
    }

    /// A process's status as the API shows it.
    func status(of process: ManagedProcess) -> ProcessStatus {
        let applied = process.observed.applied
        let lifecycle = process.observed.lifecycle
        let now = WallClock.now()
        func path(_ destination: LogDestination) -> String? {
            if case .file(let path, _, _) = destination { return path }
            return nil
        }
        return ProcessStatus(
            name: process.name, program: applied.program, group: applied.group, state: lifecycle.state.rawValue,
            pid: process.child?.pid, startedAt: process.startedAtWallClock,
            uptimeSeconds: process.startedAtWallClock.map { max(0, now - $0) },
            lastExit: lifecycle.lastExit?.description, error: lifecycle.errorMessage,
            override: overrides.overrides[process.name]?.intent.rawValue,
            file: processes.desired(process.name)?.file, priority: applied.priority,
            stdoutLog: path(applied.spec.stdout),
            stderrLog: applied.spec.stderr == .stdout ? path(applied.spec.stdout) : path(applied.spec.stderr),
            stoppedAt: process.child == nil ? lifecycle.exitedAt.map { now - (clock.now() - $0).seconds } : nil)
    }
}
