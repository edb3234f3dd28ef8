import TendCore

/// An in-memory file tree for loading tests: paths map to file contents; directories are implied by the
/// files under them, plus any listed explicitly (empty ones) and any made unreadable.
struct MemoryFileSystem: ConfigFileSystem {
    var files: [String: [UInt8]] = [:]
    var unreadable: Set<String> = []

    init(_ files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    func readFile(_ path: String) throws(FileAccessError) -> [UInt8] {
        if unreadable.contains(path) { throw FileAccessError(path: path, reason: .permissionDenied) }
        if let bytes = files[path] { return bytes }
        if files.keys.contains(where: { $0.hasPrefix(path + "/") }) { throw FileAccessError(path: path, reason: .isDirectory) }
        throw FileAccessError(path: path, reason: .notFound)
    }

    func listDirectory(_ path: String) throws(FileAccessError) -> [DirectoryEntry] {
        if unreadable.contains(path) { throw FileAccessError(path: path, reason: .permissionDenied) }
        let prefix = path == "/" ? "/" : path + "/"
        var entries: [String: Bool] = [:]
        for file in files.keys where file.hasPrefix(prefix) {
            let rest = file.dropFirst(prefix.count)
            let name = String(rest.prefix { $0 != "/" })
            entries[name] = (entries[name] ?? false) || rest.contains("/")
        }
        guard !entries.isEmpty else { throw FileAccessError(path: path, reason: .notFound) }
        return entries.map { DirectoryEntry(name: $0.key, isDirectory: $0.value) }.sorted { $0.name < $1.name }
    }
}

extension HostFacts {
    /// A host whose only users are root and nobody, with a small fixed environment.
    static let test = HostFacts(
        hostName: "testhost", environment: ["HOME": "/root", "APP_ENV": "production"],
        userExists: { ["root", "nobody", "0"].contains($0) })
}

/// Loads `files` from memory with `/etc/tend/tend.toml` (or the first key ending in tend.toml/json) as the main file.
func load(_ files: [String: String], main: String = "/etc/tend/tend.toml") throws -> LoadedConfig {
    let loader = ConfigLoader(fileSystem: MemoryFileSystem(files), host: .test, workingDirectory: "/")
    return try loader.load(mainFile: main)
}

/// The diagnostics of loading `files`, each rendered as `FILE:LINE:COL: severity: MESSAGE`.
func diagnostics(_ files: [String: String], main: String = "/etc/tend/tend.toml") throws -> [String] {
    try load(files, main: main).diagnostics.map(\.description)
}
