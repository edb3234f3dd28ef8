import TendCore

/// Reads the configuration files a watcher covers into a `ConfigSnapshot`, so the consumer of a "changed"
/// notification can diff contents against the previous scan. Symbolic links to files are followed (a
/// ConfigMap's `name.toml -> ..data/name.toml`); hidden entries (`.swp` files, `..data`, `..2026_…`)
/// are skipped, as the include globs skip them.
public struct ConfigSnapshotReader: Sendable {
    /// Subdirectories deeper than this are not read: a guard against symbolic-link loops.
    public static let depthLimit = 16

    private let fileSystem: any ConfigFileSystem

    /// A reader over `fileSystem`, the real disk by default.
    public init(fileSystem: any ConfigFileSystem = LocalConfigFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// Every file the targets cover as the disk stands: all of a tree's files, and a watched file if it
    /// exists. A missing tree or file is simply absent; other failures are listed with the snapshot.
    public func scan(_ targets: [WatchTarget]) -> ConfigScan {
        var scan = ConfigScan()
        for target in targets {
            switch target {
            case .directoryTree(let path):
                read(tree: PathText.trimmed(path), depth: 0, into: &scan)
            case .file(let path):
                read(file: path, into: &scan)
            }
        }
        return scan
    }

    private func read(tree path: String, depth: Int, into scan: inout ConfigScan) {
        let entries: [DirectoryEntry]
        do {
            entries = try fileSystem.listDirectory(path)
        } catch {
            if error.reason != .notFound { scan.problems.append(error) }
            return
        }
        for entry in entries where !entry.name.hasPrefix(".") {
            let child = PathText.join(path, entry.name)
            if entry.isDirectory {
                if depth < Self.depthLimit { read(tree: child, depth: depth + 1, into: &scan) }
            } else {
                read(file: child, into: &scan)
            }
        }
    }

    private func read(file path: String, into scan: inout ConfigScan) {
        do {
            scan.snapshot.record(path: path, bytes: try fileSystem.readFile(path))
        } catch {
            if error.reason != .notFound { scan.problems.append(error) }
        }
    }
}

/// The result of one scan: the snapshot of the files read and the files that could not be read.
public struct ConfigScan: Sendable {
    /// The files read, by path.
    public var snapshot = ConfigSnapshot()
    /// Files and directories that exist but could not be read.
    public var problems: [FileAccessError] = []

    /// An empty scan.
    public init() {}
}
