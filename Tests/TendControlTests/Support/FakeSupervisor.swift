import TendCore
import TendSupervisor

/// A `SupervisorControl` with a table the test sets, recording what it was asked, for driving the
/// server through the real client.
actor FakeSupervisor: SupervisorControl {
    var processes: [ProcessStatus]
    var planReport = PlanReport(actions: [], diagnostics: [], invalid: false)
    var logFiles: [String: String] = [:]
    /// Per-process errors that start/stop/restart/signal report.
    var failures: [String: ControlError] = [:]
    private(set) var calls: [String] = []
    private(set) var shutdownCount = 0
    private var subscribers: [AsyncStream<SupervisorEvent>.Continuation] = []

    init(processes: [ProcessStatus]) {
        self.processes = processes
    }

    func set(plan: PlanReport) { planReport = plan }
    func set(logFile: String, for name: String) { logFiles[name] = logFile }
    func set(failure: ControlError, for name: String) { failures[name] = failure }
    var subscriberCount: Int { subscribers.count }

    /// Hands `event` to every subscriber.
    func emit(_ event: SupervisorEvent) {
        for subscriber in subscribers { subscriber.yield(event) }
    }

    func status(_ selectors: [ProcessSelector]) async throws(ControlError) -> [ProcessStatus] {
        calls.append("status \(selectors.map(\.description).joined(separator: ","))")
        return try select(selectors)
    }

    func start(_ selectors: [ProcessSelector]) async throws(ControlError) -> [CommandResult] {
        try act("start", selectors, state: "RUNNING")
    }

    func stop(_ selectors: [ProcessSelector]) async throws(ControlError) -> [CommandResult] {
        try act("stop", selectors, state: "STOPPED")
    }

    func restart(_ selectors: [ProcessSelector]) async throws(ControlError) -> [CommandResult] {
        try act("restart", selectors, state: "RUNNING")
    }

    func signal(_ signal: Signal, _ selectors: [ProcessSelector]) async throws(ControlError) -> [CommandResult] {
        try act("signal \(signal.name)", selectors, state: nil)
    }

    func plan() async -> PlanReport {
        calls.append("plan")
        return planReport
    }

    func apply() async -> PlanReport {
        calls.append("apply")
        return planReport
    }

    func logFile(of name: String, stream: LogStream) async throws(ControlError) -> String? {
        guard processes.contains(where: { $0.name == name }) else { throw ControlError(.badName, "no process named \(name)") }
        return logFiles[name + "." + stream.rawValue]
    }

    func events() async -> AsyncStream<SupervisorEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: SupervisorEvent.self)
        subscribers.append(continuation)
        return stream
    }

    func shutdown() async {
        shutdownCount += 1
    }

    private func select(_ selectors: [ProcessSelector]) throws(ControlError) -> [ProcessStatus] {
        guard !selectors.isEmpty else { return processes }
        var chosen: [ProcessStatus] = []
        for selector in selectors {
            let matches: [ProcessStatus]
            switch selector {
            case .all: matches = processes
            case .name(let name): matches = processes.filter { $0.name == name || $0.program == name }
            case .group(let group): matches = processes.filter { $0.group == group }
            case .member(let group, let name): matches = processes.filter { $0.group == group && $0.name == name }
            }
            guard !matches.isEmpty else { throw ControlError(.badName, "no process, program or group named \(selector)") }
            chosen += matches
        }
        return chosen
    }

    private func act(_ verb: String, _ selectors: [ProcessSelector], state: String?) throws(ControlError) -> [CommandResult] {
        calls.append("\(verb) \(selectors.map(\.description).joined(separator: ","))")
        return try select(selectors).map { process in
            if let failure = failures[process.name] {
                return CommandResult(name: process.name, error: failure, state: process.state)
            }
            return CommandResult(name: process.name, error: nil, state: state ?? process.state)
        }
    }
}

extension ProcessStatus {
    /// A process for tests, RUNNING unless told otherwise.
    static func sample(
        _ name: String, group: String? = nil, state: String = "RUNNING", pid: Int32? = 100, uptime: Double? = 62,
        lastExit: String? = nil, error: String? = nil, override: String? = nil, stoppedAt: Double? = nil
    ) -> ProcessStatus {
        ProcessStatus(
            name: name, program: name, group: group ?? name, state: state, pid: state == "RUNNING" ? pid : nil,
            startedAt: 1_000, uptimeSeconds: state == "RUNNING" ? uptime : nil, lastExit: lastExit, error: error,
            override: override, file: "conf.d/\(name).toml", priority: 999, stdoutLog: nil, stderrLog: nil, stoppedAt: stoppedAt)
    }
}
