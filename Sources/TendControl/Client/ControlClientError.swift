import TendSupervisor

/// Why a control request failed: the daemon could not be reached, the connection broke, or the daemon
/// answered with an API error.
public enum ControlClientError: Error, CustomStringConvertible, Sendable {
    /// Nothing answers at the socket (no daemon, a stale socket file, no permission), with a hint at what to
    /// check.
    case unreachable(socket: String, reason: String, hint: String)
    /// The connection broke, or the answer was not HTTP the client understands.
    case connectionLost(socket: String, reason: String)
    /// The daemon answered with an error.
    case server(ControlError, status: Int)

    public var description: String {
        switch self {
        case .unreachable(let socket, let reason, let hint):
            return "cannot reach the daemon at \(socket): \(reason) (\(hint))"
        case .connectionLost(let socket, let reason):
            return "lost the connection to the daemon at \(socket): \(reason)"
        case .server(let error, _):
            return error.message
        }
    }
}
