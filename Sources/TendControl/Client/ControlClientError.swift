import TendSupervisor

/// Why a control request failed: the daemon could not be reached, the connection broke, or the daemon
/// answered with an API error.
public enum ControlClientError: Error, CustomStringConvertible, Sendable {
    /// Nothing answers at the socket (no daemon, a stale socket file, no permission), and why.
    case unreachable(socket: String, reason: String, cause: UnreachableCause)
    /// The connection broke, or the answer was not HTTP the client understands.
    case connectionLost(socket: String, reason: String)
    /// The daemon answered with an error.
    case server(ControlError, status: Int)

    public var description: String {
        switch self {
        case .unreachable(let socket, let reason, let cause):
            return "cannot reach the daemon at \(socket): \(reason) (\(cause.hint))"
        case .connectionLost(let socket, let reason):
            return "lost the connection to the daemon at \(socket): \(reason)"
        case .server(let error, _):
            return error.message
        }
    }
}

/// Why nothing answered at the control socket: what the user should check, and whether a daemon may be there.
public enum UnreachableCause: Sendable, Equatable {
    /// No socket file, or nothing listening on it.
    case noDaemon
    /// The socket's directory or its permissions keep this user out; a daemon may well be running.
    case denied
    /// The listener's backlog stayed full until the client gave up: a daemon is there but does not accept.
    case busy
    /// The client could not start the thread it talks on.
    case clientFailed

    /// What to check, as the error message says it.
    var hint: String {
        switch self {
        case .noDaemon: "is tend daemon running?"
        case .denied: "the socket's directory or its socket_mode and socket_owner keep this user out"
        case .busy: "a daemon is there but does not accept connections"
        case .clientFailed: "is the system out of threads?"
        }
    }
}
