import Glibc

/// A directory a subscription needs watched, found by walking the disk.
struct DesiredWatch: Hashable, Sendable {
    var identity: DirectoryIdentity
    var path: String
    var role: WatchRole
}

/// Finds, on disk and now, the directories a target needs watched: every real directory of a tree
/// (symbolic links are not followed below its root, so a ConfigMap's `..data` link is watched through the
/// directory it lives in), the directory of a file, or the nearest existing ancestor of what is missing.
enum DesiredWatches {
    /// The watches `target` needs as the disk stands.
    static func of(_ target: WatchTarget) -> [DesiredWatch] {
        switch target {
        case .directoryTree(let path):
            let root = PathText.trimmed(path)
            guard let identity = directoryIdentity(root, followingLinks: true) else { return awaiting(root) }
            var found: [DesiredWatch] = []
            walk(root, identity: identity, into: &found)
            return found
        case .file(let path):
            let file = PathText.trimmed(path)
            let directory = PathText.parent(of: file) ?? "."
            guard let identity = directoryIdentity(directory, followingLinks: true) else { return awaiting(directory) }
            return [DesiredWatch(identity: identity, path: directory, role: .entry(PathText.lastComponent(of: file)))]
        }
    }

    private static func walk(_ path: String, identity: DirectoryIdentity, into found: inout [DesiredWatch]) {
        found.append(DesiredWatch(identity: identity, path: path, role: .tree))
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        var subdirectories: [(String, DirectoryIdentity)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var info = stat()
            guard fstatat(dirfd(directory), name, &info, AT_SYMLINK_NOFOLLOW) == 0,
                (info.st_mode & S_IFMT) == S_IFDIR
            else { continue }
            subdirectories.append((PathText.join(path, name), DirectoryIdentity(info)))
        }
        for (child, childIdentity) in subdirectories {
            walk(child, identity: childIdentity, into: &found)
        }
    }

    /// A watch on the nearest existing ancestor of `missing`, for the component that leads towards it.
    private static func awaiting(_ missing: String) -> [DesiredWatch] {
        var child = missing
        while let parent = PathText.parent(of: child) {
            if let identity = directoryIdentity(parent, followingLinks: true) {
                return [DesiredWatch(identity: identity, path: parent, role: .awaiting(PathText.lastComponent(of: child)))]
            }
            child = parent
        }
        return []
    }

    private static func directoryIdentity(_ path: String, followingLinks: Bool) -> DirectoryIdentity? {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return DirectoryIdentity(info)
    }
}

/// The little path arithmetic watching needs, on plain strings.
enum PathText {
    /// `path` without trailing slashes ("/" stays "/").
    static func trimmed(_ path: String) -> String {
        var result = Substring(path)
        while result.count > 1, result.hasSuffix("/") { result = result.dropLast() }
        return String(result)
    }

    /// The directory holding `path`: "/a" for "/a/b", "/" for "/a", "." for "a"; nil for "/" and ".".
    static func parent(of path: String) -> String? {
        let path = trimmed(path)
        if path == "/" || path == "." || path.isEmpty { return nil }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component: "b" for "/a/b".
    static func lastComponent(of path: String) -> String {
        let path = trimmed(path)
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `name` inside `directory`.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
