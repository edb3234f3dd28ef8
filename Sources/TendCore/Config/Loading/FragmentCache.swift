/// The fragments of files already parsed, by path and content, so that a reload parses only the files
/// whose bytes changed: a burst of a thousand files costs a thousand hashes, not a thousand parses.
public struct FragmentCache: Sendable {
    private struct Entry: Sendable {
        var hash: ContentHash
        var size: Int
        var isMain: Bool
        var fragment: ConfigFragment
    }

    private var entries: [String: Entry] = [:]

    public init() {}

    /// The cached fragment of `path` if its content and role are unchanged, else the one `make` builds
    /// (which is then cached).
    mutating func fragment(of path: String, bytes: [UInt8], isMain: Bool, make: () -> ConfigFragment) -> ConfigFragment {
        let hash = ContentHash(of: bytes)
        if let entry = entries[path], entry.hash == hash, entry.size == bytes.count, entry.isMain == isMain {
            return entry.fragment
        }
        let fragment = make()
        entries[path] = Entry(hash: hash, size: bytes.count, isMain: isMain, fragment: fragment)
        return fragment
    }

    /// Forgets the files not in `paths` (they were removed).
    mutating func keep(only paths: Set<String>) {
        entries = entries.filter { paths.contains($0.key) }
    }

    /// How many files are cached.
    public var count: Int { entries.count }
}
