import TendCore

/// How one process stands, as `tend status` shows it and `GET /v1/status` returns it.
public struct ProcessStatus: Hashable, Sendable, Codable {
    public var name: String
    public var program: String
    public var group: String
    /// supervisord's state name: STOPPED, STARTING, RUNNING, BACKOFF, STOPPING, EXITED, FATAL, UNKNOWN.
    public var state: String
    public var pid: Int32?
    /// When the current process started, in seconds since the Unix epoch (wall clock, for display).
    public var startedAt: Double?
    /// How long the current process has run, in seconds.
    public var uptimeSeconds: Double?
    /// How the latest process ended: "exit status 1", "terminated by SIGKILL".
    public var lastExit: String?
    /// When the latest process ended, in seconds since the Unix epoch (wall clock, for display).
    public var stoppedAt: Double?
    /// Why the latest start failed (a spawn error) or the latest exit was unexpected.
    public var error: String?
    /// The operator's standing command: "started" or "stopped", or nil.
    public var override: String?
    /// The file that declares the process, or nil for a process that is being removed.
    public var file: String?
    public var priority: Int
    /// The log files, when they are files.
    public var stdoutLog: String?
    public var stderrLog: String?

    public init(
        name: String, program: String, group: String, state: String, pid: Int32?, startedAt: Double?,
        uptimeSeconds: Double?, lastExit: String?, error: String?, override: String?, file: String?, priority: Int,
        stdoutLog: String?, stderrLog: String?, stoppedAt: Double? = nil
    ) {
        self.name = name
        self.program = program
        self.group = group
        self.state = state
        self.pid = pid
        self.startedAt = startedAt
        self.uptimeSeconds = uptimeSeconds
        self.lastExit = lastExit
        self.error = error
        self.override = override
        self.file = file
        self.priority = priority
        self.stdoutLog = stdoutLog
        self.stderrLog = stderrLog
        self.stoppedAt = stoppedAt
    }
}
