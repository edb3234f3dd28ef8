/// What a file's content looked like at one scan: its size and content hash.
public struct FileFingerprint: Hashable, Sendable {
    /// The content's length in bytes.
    public var size: Int
    /// The content's hash.
    public var hash: ContentHash

    /// The fingerprint of `bytes`.
    public init(of bytes: [UInt8]) {
        size = bytes.count
        hash = ContentHash(of: bytes)
    }
}

/// The configuration files found by one scan, each with a fingerprint of its content. Comparing two
/// snapshots tells which files a change on disk added, changed or removed, whatever events announced it.
public struct ConfigSnapshot: Hashable, Sendable {
    /// Each file's path and fingerprint.
    public private(set) var files: [String: FileFingerprint]

    /// A snapshot with no files.
    public init() {
        files = [:]
    }

    /// The snapshot of files whose content is given by path.
    public init(contents: [String: [UInt8]]) {
        files = contents.mapValues(FileFingerprint.init(of:))
    }

    /// Adds, or replaces, the file at `path` with content `bytes`.
    public mutating func record(path: String, bytes: [UInt8]) {
        files[path] = FileFingerprint(of: bytes)
    }

    /// The files added, changed and removed between `older` and this snapshot.
    public func changes(since older: ConfigSnapshot) -> ConfigSnapshotDiff {
        var diff = ConfigSnapshotDiff()
        for (path, fingerprint) in files {
            switch older.files[path] {
            case nil: diff.added.append(path)
            case let previous? where previous != fingerprint: diff.changed.append(path)
            default: break
            }
        }
        diff.removed = older.files.keys.filter { files[$0] == nil }
        diff.added.sort()
        diff.changed.sort()
        diff.removed.sort()
        return diff
    }
}

/// The paths that differ between two snapshots, each list sorted.
public struct ConfigSnapshotDiff: Hashable, Sendable {
    /// Files present now and absent before.
    public var added: [String]
    /// Files present in both whose content differs.
    public var changed: [String]
    /// Files present before and absent now.
    public var removed: [String]

    /// A diff with the given paths (sorted by the caller or not: they are compared as given).
    public init(added: [String] = [], changed: [String] = [], removed: [String] = []) {
        self.added = added
        self.changed = changed
        self.removed = removed
    }

    /// Whether the two snapshots hold the same files with the same contents.
    public var isEmpty: Bool {
        added.isEmpty && changed.isEmpty && removed.isEmpty
    }
}
