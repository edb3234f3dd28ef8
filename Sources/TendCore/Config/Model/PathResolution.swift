/// Turning the relative paths a configuration file holds into absolute ones, without touching the disk.
public enum PathResolution {
    /// `path` itself when absolute, else `path` joined to `directory`, with `.` and `..` segments removed.
    public static func resolve(_ path: String, against directory: String) -> String {
        normalize(path.hasPrefix("/") ? path : directory + "/" + path)
    }

    /// The directory part of `path` (`/etc/tend` for `/etc/tend/tend.toml`).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of `path`.
    public static func lastComponent(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `path` with empty, `.` and `..` segments folded away.
    public static func normalize(_ path: String) -> String {
        // Most paths are written normal already: return the same string, sharing its storage, rather than a copy
        // (two log paths a program, kept for as long as it is configured).
        if isNormal(path) { return path }
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// Whether `normalize` would give `path` back unchanged: not empty, and no empty, `.` or `..` segment (the
    /// empty one before a leading `/` aside).
    private static func isNormal(_ path: String) -> Bool {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var segmentLength = 0
        var dotsOnly = true
        for (offset, byte) in path.utf8.enumerated() {
            if byte == slash {
                if offset > 0 && (segmentLength == 0 || (dotsOnly && segmentLength <= 2)) { return false }
                segmentLength = 0
                dotsOnly = true
            } else {
                segmentLength += 1
                dotsOnly = dotsOnly && byte == dot
            }
        }
        return segmentLength > 0 && !(dotsOnly && segmentLength <= 2)
    }
}
