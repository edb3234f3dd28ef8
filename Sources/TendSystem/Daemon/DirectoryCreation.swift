import Glibc

/// Creating a directory and its missing parents, like `mkdir -p`.
public enum DirectoryCreation {
    /// A directory that could not be created, with the system's reason.
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot create \(path): \(reason)" }
    }

    /// Creates `path` and any missing parents with mode 0755; an existing directory is fine.
    public static func create(_ path: String) throws(Failure) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw Failure(path: current, reason: String(cString: strerror(errno)))
            }
        }
    }
}
