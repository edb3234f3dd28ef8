import Glibc

/// A watcher could not do what it needed: the operation, the path it concerned and the system's errno.
public struct WatchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was being done, such as "inotify_add_watch" or "pipe".
    public var operation: String
    /// The file or directory concerned, or empty when none.
    public var path: String
    /// The errno the system returned, or 0 when the failure has no errno.
    public var code: Int32
    /// A plain explanation when there is no errno.
    public var detail: String

    /// An error for `operation` on `path` with errno `code`.
    public init(operation: String, path: String = "", code: Int32, detail: String = "") {
        self.operation = operation
        self.path = path
        self.code = code
        self.detail = detail
    }

    /// "inotify_add_watch /etc/tend/conf.d: No space left on device".
    public var description: String {
        let reason = code != 0 ? String(cString: strerror(code)) : detail
        let subject = path.isEmpty ? operation : "\(operation) \(path)"
        return "\(subject): \(reason)"
    }
}
