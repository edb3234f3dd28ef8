import Glibc

/// A socket or readiness call that failed: what was attempted and the system's error number.
public struct SocketError: Error, CustomStringConvertible, Sendable {
    /// The call, as `connect` or `epoll_ctl`.
    public let operation: String
    /// The `errno` it left.
    public let code: Int32

    public init(operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    /// The system's words for the error (`Connection refused`, `No such file or directory`).
    public var reason: String { String(cString: strerror(code)) }

    public var description: String { "\(operation): \(reason)" }
}
