/// Why a control command failed, with a stable code for programs and a sentence for people.
public struct ControlError: Error, Hashable, Sendable, Codable {
    /// Stable machine-readable codes; clients branch on these, never on messages.
    public enum Code: String, Hashable, Sendable, Codable, CaseIterable {
        /// No process, program or group has that name.
        case badName = "bad_name"
        /// The process is not running (stop, signal).
        case notRunning = "not_running"
        /// The process is already running (start).
        case alreadyStarted = "already_started"
        /// The process could not be spawned, or failed to start (BACKOFF/FATAL).
        case spawnError = "spawn_error"
        /// The configuration on disk is invalid (plan, apply).
        case invalidConfig = "invalid_config"
        /// A signal name or number that does not exist.
        case badSignal = "bad_signal"
        /// The request is malformed.
        case badRequest = "bad_request"
        /// The daemon is shutting down.
        case shuttingDown = "shutting_down"
        /// The control API has no such route (path or method).
        case unknownRoute = "unknown_route"
        /// The request body is larger than the control API accepts.
        case bodyTooLarge = "body_too_large"
        /// The process writes that stream nowhere the daemon can read back (`none`, a passthrough target).
        case noLogFile = "no_log_file"
        /// Anything else.
        case failed
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}

/// The outcome of a command for one process.
public struct CommandResult: Hashable, Sendable, Codable {
    public var name: String
    /// nil when the command succeeded for this process.
    public var error: ControlError?
    /// The process's state after the command.
    public var state: String

    public init(name: String, error: ControlError?, state: String) {
        self.name = name
        self.error = error
        self.state = state
    }
}
