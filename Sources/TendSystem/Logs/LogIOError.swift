import SystemPackage

/// A failed system call on the log path: which call, on what, and the errno it returned.
public struct LogIOError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The system call or step that failed, such as `open` or `rename`.
    public let operation: String
    /// The file the call was about, when there was one.
    public let path: String?
    /// The error the kernel reported.
    public let errno: Errno

    /// Records a failure of `operation` on `path` with the given errno.
    public init(_ operation: String, path: String? = nil, errno: Errno) {
        self.operation = operation
        self.path = path
        self.errno = errno
    }

    /// A plain sentence such as `open /var/log/web.log: Permission denied`.
    public var description: String {
        if let path { return "\(operation) \(path): \(errno)" }
        return "\(operation): \(errno)"
    }
}
