/// An include pattern such as `conf.d/*.toml` or `conf.d/**/*.json`, matched against the file system
/// through `ConfigFileSystem`. `*`, `?` and `[abc]` match within one path component; `**` matches any
/// number of directories. Names that start with a dot (`..data`, `.swp` files) are matched only by a
/// pattern component that starts with a dot, as in a shell.
public struct GlobPattern: Sendable, Hashable {
    /// The pattern as written.
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    /// The paths matching the pattern under `base` (for a relative pattern), sorted, and the directories
    /// that could not be listed (a missing directory is not a problem: it simply matches nothing).
    public func expand(in base: String, fileSystem: some ConfigFileSystem) -> (paths: [String], failures: [FileAccessError]) {
        let absolute = text.hasPrefix("/")
        let components = text.split(separator: "/").map(String.init)
        var failures: [FileAccessError] = []
        var matches: [String] = []
        walk(absolute ? "/" : base, components[...], fileSystem: fileSystem, into: &matches, failures: &failures, depth: 0)
        return (Array(Set(matches)).sorted(), failures)
    }

    private func walk(
        _ directory: String, _ rest: ArraySlice<String>, fileSystem: some ConfigFileSystem,
        into matches: inout [String], failures: inout [FileAccessError], depth: Int
    ) {
        guard let component = rest.first, depth < 64 else { return }
        let remaining = rest.dropFirst()
        let join = { (name: String) in directory == "/" ? "/" + name : directory + "/" + name }
        if !GlobPattern.hasWildcard(component) {
            if remaining.isEmpty {
                if (try? fileSystem.listDirectory(directory))?.contains(where: { $0.name == component }) ?? false {
                    matches.append(join(component))
                }
            } else {
                walk(join(component), remaining, fileSystem: fileSystem, into: &matches, failures: &failures, depth: depth + 1)
            }
            return
        }
        let entries: [DirectoryEntry]
        do {
            entries = try fileSystem.listDirectory(directory)
        } catch {
            if error.reason != .notFound { failures.append(error) }
            return
        }
        if component == "**" {
            walk(directory, remaining, fileSystem: fileSystem, into: &matches, failures: &failures, depth: depth + 1)
            for entry in entries where entry.isDirectory && !entry.name.hasPrefix(".") {
                walk(join(entry.name), rest, fileSystem: fileSystem, into: &matches, failures: &failures, depth: depth + 1)
            }
            return
        }
        for entry in entries where GlobPattern.matches(entry.name, component) {
            if remaining.isEmpty {
                matches.append(join(entry.name))
            } else if entry.isDirectory {
                walk(join(entry.name), remaining, fileSystem: fileSystem, into: &matches, failures: &failures, depth: depth + 1)
            }
        }
    }

    static func hasWildcard(_ component: String) -> Bool {
        component.contains { "*?[".contains($0) }
    }

    /// Whether `name` matches one pattern component (`*`, `?`, `[a-z]`, `[!x]`).
    static func matches(_ name: String, _ pattern: String) -> Bool {
        if name.hasPrefix(".") && !pattern.hasPrefix(".") { return false }
        return match(Array(name.unicodeScalars)[...], Array(pattern.unicodeScalars)[...])
    }

    private static func match(_ name: ArraySlice<Unicode.Scalar>, _ pattern: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = pattern.first else { return name.isEmpty }
        switch first {
        case "*":
            var rest = name
            while true {
                if match(rest, pattern.dropFirst()) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case "?":
            return !name.isEmpty && match(name.dropFirst(), pattern.dropFirst())
        case "[":
            guard let scalar = name.first, let close = pattern.dropFirst(2).firstIndex(of: "]") else {
                return name.first == "[" && match(name.dropFirst(), pattern.dropFirst())
            }
            var set = pattern[(pattern.startIndex + 1)..<close]
            let negated = set.first == "!" || set.first == "^"
            if negated { set = set.dropFirst() }
            var found = false
            var index = set.startIndex
            while index < set.endIndex {
                if index + 2 < set.endIndex, set[index + 1] == "-" {
                    if (set[index]...set[index + 2]).contains(scalar) { found = true }
                    index += 3
                } else {
                    if set[index] == scalar { found = true }
                    index += 1
                }
            }
            return found != negated && match(name.dropFirst(), pattern[(close + 1)...])
        default:
            return name.first == first && match(name.dropFirst(), pattern.dropFirst())
        }
    }
}
