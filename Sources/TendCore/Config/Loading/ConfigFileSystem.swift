/// The file operations loading needs, so the pure core can load from the real disk (TendSystem provides
/// that) or from memory in tests.
public protocol ConfigFileSystem: Sendable {
    /// The whole content of the file at `path`.
    func readFile(_ path: String) throws(FileAccessError) -> [UInt8]
    /// The entries of the directory at `path` (without `.` and `..`), with whether each is a directory
    /// once symbolic links are followed.
    func listDirectory(_ path: String) throws(FileAccessError) -> [DirectoryEntry]
}

/// One entry of a directory listing.
public struct DirectoryEntry: Hashable, Sendable {
    public var name: String
    /// Whether the entry is a directory, following symbolic links.
    public var isDirectory: Bool

    public init(name: String, isDirectory: Bool) {
        self.name = name
        self.isDirectory = isDirectory
    }
}

/// A file or directory that could not be read, with the system's reason in plain words.
public struct FileAccessError: Error, Hashable, Sendable {
    /// What went wrong, as a person reads it.
    public enum Reason: Hashable, Sendable {
        case notFound
        case permissionDenied
        case isDirectory
        case notDirectory
        case symlinkLoop
        case tooLarge(limit: Int)
        case other(String)
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// The reason as a sentence fragment: "permission denied".
    public var reasonDescription: String {
        switch reason {
        case .notFound: return "no such file or directory"
        case .permissionDenied: return "permission denied"
        case .isDirectory: return "it is a directory, not a file"
        case .notDirectory: return "not a directory"
        case .symlinkLoop: return "too many levels of symbolic links (a symlink loop?)"
        case .tooLarge(let limit): return "the file is larger than \(limit >> 20) MiB; configuration files are small"
        case .other(let text): return text
        }
    }
}
