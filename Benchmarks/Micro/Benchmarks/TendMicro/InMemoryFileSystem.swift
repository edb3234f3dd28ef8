import TendCore

/// A `ConfigFileSystem` over a dictionary of absolute paths to contents, so loading is measured without
/// the disk.
struct InMemoryFileSystem: ConfigFileSystem {
    let files: [String: [UInt8]]

    /// The corpus laid out under `root`: `root/tend.toml` and `root/conf.d/...`.
    init(_ corpus: ConfigCorpus, root: String) {
        var files = [root + "/tend.toml": Array(corpus.mainFileText.utf8)]
        for index in 0..<corpus.files {
            files[root + "/" + corpus.fileName(index)] = Array(corpus.fileText(index).utf8)
        }
        self.files = files
    }

    func readFile(_ path: String) throws(FileAccessError) -> [UInt8] {
        guard let bytes = files[path] else { throw FileAccessError(path: path, reason: .notFound) }
        return bytes
    }

    func listDirectory(_ path: String) throws(FileAccessError) -> [DirectoryEntry] {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        var entries: [String: Bool] = [:]
        for file in files.keys where file.hasPrefix(prefix) {
            let rest = file.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/") {
                entries[String(rest[..<slash])] = true
            } else {
                entries[String(rest)] = false
            }
        }
        if entries.isEmpty { throw FileAccessError(path: path, reason: .notFound) }
        return entries.map { DirectoryEntry(name: $0.key, isDirectory: $0.value) }
    }
}
