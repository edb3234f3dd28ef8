import TendCore
import TendSystem

/// What the control API can ask of a running supervisor. The daemon's `Supervisor` implements it; the
/// HTTP server in TendControl serves it.
public protocol SupervisorControl: Sendable {
    /// Every process, or those the selectors address (an unknown name is a `bad_name` error).
    func status(_ selectors: [ProcessSelector]) async throws(ControlError) -> [ProcessStatus]
    /// Starts the addressed processes and waits until each is RUNNING or has failed (BACKOFF/FATAL), as
    /// supervisorctl does. Clears a standing `stop`.
    func start(_ selectors: [ProcessSelector]) async throws(ControlError) -> [CommandResult]
    /// Stops the addressed processes and waits until each has stopped; the stop stands across reloads.
    func stop(_ selectors: [ProcessSelector]) async throws(ControlError) -> [CommandResult]
    /// Stops, then starts the addressed processes, waiting as `start` does.
    func restart(_ selectors: [ProcessSelector]) async throws(ControlError) -> [CommandResult]
    /// Sends `signal` to each addressed running process.
    func signal(_ signal: Signal, _ selectors: [ProcessSelector]) async throws(ControlError) -> [CommandResult]
    /// What a reconcile would do now with the configuration on disk, without doing it.
    func plan() async -> PlanReport
    /// Reloads the configuration from disk and reconciles now; returns what was done.
    func apply() async -> PlanReport
    /// The log file of a process's stdout or stderr, or nil when it has none (`none`, passthrough).
    func logFile(of name: String, stream: LogStream) async throws(ControlError) -> String?
    /// Every event from now on, until the subscriber stops iterating or the daemon shuts down.
    func events() async -> AsyncStream<SupervisorEvent>
    /// Stops every process (highest priority first) and ends the daemon.
    func shutdown() async
}

/// A process's output stream.
public enum LogStream: String, Hashable, Sendable, Codable {
    case stdout
    case stderr
}

/// The answer to `plan` and `apply`: the actions with their reasons, and the configuration's problems.
public struct PlanReport: Hashable, Sendable, Codable {
    /// One planned action as the API shows it.
    public struct Action: Hashable, Sendable, Codable {
        /// start, stop, restart, update, add or forget.
        public var kind: String
        public var name: String
        public var reason: String

        public init(kind: String, name: String, reason: String) {
            self.kind = kind
            self.name = name
            self.reason = reason
        }
    }

    public var actions: [Action]
    /// Every error and warning in the configuration on disk, as `FILE:LINE:COL: error: MESSAGE`.
    public var diagnostics: [String]
    /// Whether the configuration has errors (files with errors keep their last good programs).
    public var invalid: Bool

    public init(actions: [Action], diagnostics: [String], invalid: Bool) {
        self.actions = actions
        self.diagnostics = diagnostics
        self.invalid = invalid
    }
}

extension PlanReport {
    /// The report of `plan`, with every diagnostic of the configuration it was planned from.
    public init(_ plan: Plan, diagnostics: [Diagnostic]) {
        self.init(
            actions: plan.actions.map { Action(kind: $0.kind.rawValue, name: $0.name, reason: $0.reason) },
            diagnostics: diagnostics.map(\.description), invalid: diagnostics.containsErrors)
    }

    /// What a reconcile would do with the configuration at `mainFile` if no process ran yet: `tend plan`'s
    /// answer when no daemon is running (files with errors contribute nothing). Nil when the main file
    /// cannot be read.
    public static func againstEmptyTable(mainFile: String, workingDirectory: String, host: HostFacts) -> PlanReport? {
        let loader = ConfigLoader(fileSystem: LocalConfigFileSystem(), host: host, workingDirectory: workingDirectory)
        var cache = FragmentCache()
        guard let files = try? loader.gather(mainFile: mainFile, cache: &cache) else { return nil }
        var good = LastKnownGood()
        let outcome = good.update(files, host: host)
        let plan = Planner.plan(ReconcileTable(desired: outcome.config?.desiredProcesses ?? [:]), overrides: [:], now: MonotonicInstant(sinceOrigin: .zero))
        return PlanReport(plan, diagnostics: outcome.diagnostics)
    }
}
