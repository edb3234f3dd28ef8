import TendSupervisor

/// `GET /v1/version`: the daemon's version and the API version it serves.
public struct VersionReply: Codable, Hashable, Sendable {
    /// The daemon's release, such as `0.1.0`.
    public var version: String
    /// The API version, `v1`.
    public var api: String

    public init(version: String, api: String = ControlRoute.apiVersion) {
        self.version = version
        self.api = api
    }
}

/// `GET /v1/status`: the addressed processes, in the supervisor's order.
public struct StatusReply: Codable, Hashable, Sendable {
    public var processes: [ProcessStatus]

    public init(processes: [ProcessStatus]) {
        self.processes = processes
    }
}

/// `POST /v1/processes/{name}/start|stop|restart|signal`: one result per addressed process; a failure
/// for one process is in its result, not an HTTP error.
public struct CommandReply: Codable, Hashable, Sendable {
    public var results: [CommandResult]

    public init(results: [CommandResult]) {
        self.results = results
    }
}

/// The body of `POST /v1/processes/{name}/signal`: a signal name (`HUP`, `SIGHUP`) or number (`1`).
public struct SignalRequest: Codable, Hashable, Sendable {
    public var signal: String

    public init(signal: String) {
        self.signal = signal
    }
}

/// `POST /v1/shutdown`: the daemon has begun to stop every process and will then exit.
public struct ShutdownReply: Codable, Hashable, Sendable {
    public var shuttingDown: Bool

    public init(shuttingDown: Bool = true) {
        self.shuttingDown = shuttingDown
    }
}

/// Every non-2xx answer: `{"error": {"code": "bad_name", "message": "..."}}`.
public struct ErrorReply: Codable, Hashable, Sendable {
    /// The error as sent; an unknown code (from a newer daemon) is read as `failed`, keeping its message.
    public struct Body: Codable, Hashable, Sendable {
        public var code: String
        public var message: String
    }

    public var error: Body

    public init(_ error: ControlError) {
        self.error = Body(code: error.code.rawValue, message: error.message)
    }

    /// The error as the client's callers see it.
    public var controlError: ControlError {
        ControlError(ControlError.Code(rawValue: error.code) ?? .failed, error.message)
    }
}
