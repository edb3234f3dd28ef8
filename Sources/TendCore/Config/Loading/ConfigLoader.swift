/// Loads the whole configuration: the main file, then every file its include globs match, each parsed
/// and decoded on its own, then assembled. It never stops at the first problem: every problem in every
/// file is reported at once.
public struct ConfigLoader<FileSystem: ConfigFileSystem>: Sendable {
    public var fileSystem: FileSystem
    public var host: HostFacts
    /// The directory relative paths (the main file's, and so the includes') are taken from.
    public var workingDirectory: String

    public init(fileSystem: FileSystem, host: HostFacts, workingDirectory: String) {
        self.fileSystem = fileSystem
        self.host = host
        self.workingDirectory = workingDirectory
    }

    /// Loads `mainFile`. Throws only when the main file itself cannot be read; every other problem is a
    /// diagnostic in the result.
    public func load(mainFile: String) throws(FileAccessError) -> LoadedConfig {
        var cache = FragmentCache()
        return try load(mainFile: mainFile, cache: &cache)
    }

    /// Loads `mainFile`, parsing only the files whose content is not already in `cache`.
    public func load(mainFile: String, cache: inout FragmentCache) throws(FileAccessError) -> LoadedConfig {
        let files = try gather(mainFile: mainFile, cache: &cache)
        guard files.includeListIsValid else {
            return LoadedConfig(mainFile: mainFile, config: nil, diagnostics: files.main.diagnostics, fragments: files.fragments)
        }
        let assembled = ConfigAssembler.assemble(main: files.main, includes: Array(files.includes), host: host)
        let all = (assembled.diagnostics + files.diagnostics).sortedByLocation()
        return LoadedConfig(mainFile: mainFile, config: all.containsErrors ? nil : assembled.config, diagnostics: all, fragments: files.fragments)
    }

    /// Reads and decodes `mainFile` and every file its include globs match, parsing only the files whose content
    /// is not already in `cache`, without assembling them. Throws only when the main file itself cannot be read.
    public func gather(mainFile: String, cache: inout FragmentCache) throws(FileAccessError) -> ConfigFiles {
        let bytes = try fileSystem.readFile(PathResolution.resolve(mainFile, against: workingDirectory))
        let main = cache.fragment(of: mainFile, bytes: bytes, isMain: true) { fragment(of: mainFile, bytes: bytes, isMain: true) }
        guard let daemon = Self.includeSettings(of: main) else {
            return ConfigFiles(mainFile: mainFile, fragments: [main], diagnostics: [], includeListIsValid: false)
        }
        var diagnostics: [Diagnostic] = []
        var includes: [ConfigFragment] = []
        for path in includedFiles(of: mainFile, daemon: daemon, main: main, diagnostics: &diagnostics) {
            do {
                let bytes = try fileSystem.readFile(PathResolution.resolve(path, against: workingDirectory))
                includes.append(cache.fragment(of: path, bytes: bytes, isMain: false) { fragment(of: path, bytes: bytes, isMain: false) })
            } catch {
                includes.append(failedFragment(of: path, at: .start, "cannot read this file: \(error.reasonDescription)", isMain: false))
            }
        }
        cache.keep(only: Set([mainFile] + includes.map(\.file)))
        return ConfigFiles(mainFile: mainFile, fragments: [main] + includes, diagnostics: diagnostics, includeListIsValid: true)
    }

    /// The main file's daemon settings when they can say which files to include: nil when the file could not be
    /// parsed or read (an error that belongs to no key) or its include list has an error (`daemon` or
    /// `daemon.include` not what they should be: the defaults would stand in for the list the user wrote).
    private static func includeSettings(of main: ConfigFragment) -> DaemonConfig? {
        let includeList: ConfigPath = [.key("daemon"), .key("include")]
        let unusable = main.diagnostics.contains { diagnostic in
            guard diagnostic.severity == .error else { return false }
            guard let path = diagnostic.path else { return true }
            return path == [.key("daemon")] || path.components.starts(with: includeList.components)
        }
        return unusable ? nil : main.daemon
    }

    /// Parses and decodes one file; a syntax error or an empty file becomes the fragment's one diagnostic.
    public func fragment(of file: String, bytes: [UInt8], isMain: Bool) -> ConfigFragment {
        let directory = PathResolution.directory(of: PathResolution.resolve(file, against: workingDirectory))
        func failed(_ position: SourcePosition, _ message: String) -> ConfigFragment {
            failedFragment(of: file, at: position, message, isMain: isMain)
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return failed(.start, "the file is empty; it should define programs such as [program.NAME] with a command")
        }
        do {
            let source = SourceText(bytes: bytes, syntax: ConfigSyntax(path: file) ?? .toml)
            let document = try source.syntax.parse(bytes: bytes)
            return FragmentDecoder.decode(document, source: source, file: file, directory: directory, isMain: isMain)
        } catch {
            return failed(error.position, error.message)
        }
    }

    /// A fragment that defines nothing and carries one error: a file that cannot be read or parsed. It keeps
    /// the file's place, so that a reloading daemon keeps the file's last good programs.
    private func failedFragment(of file: String, at position: SourcePosition, _ message: String, isMain: Bool) -> ConfigFragment {
        let directory = PathResolution.directory(of: PathResolution.resolve(file, against: workingDirectory))
        var fragment = FragmentDecoder.decode(
            ParsedDocument(root: [:], sourceMap: SourceMap()), source: .empty, file: file, directory: directory, isMain: isMain)
        fragment.diagnostics = [Diagnostic(.error, file: file, position: position, path: nil, message: message)]
        return fragment
    }

    /// The files the include globs match, in order, without duplicates and without the main file.
    private func includedFiles(of mainFile: String, daemon: DaemonConfig, main: ConfigFragment, diagnostics: inout [Diagnostic]) -> [String] {
        let mainDirectory = PathResolution.directory(of: mainFile)
        let absoluteMain = PathResolution.resolve(mainFile, against: workingDirectory)
        var seen: Set<String> = [absoluteMain]
        var files: [String] = []
        var unreadable = Set<String>()
        for (index, pattern) in daemon.include.enumerated() {
            let base = PathResolution.resolve(mainDirectory, against: workingDirectory)
            let (paths, failures) = GlobPattern(pattern).expand(in: base, fileSystem: fileSystem)
            for failure in failures where unreadable.insert(failure.path).inserted {
                let at: ConfigPath = [.key("daemon"), .key("include"), .index(index)]
                diagnostics.append(main.origin.diagnostic(
                    .error, "cannot read \(failure.path) for include \"\(pattern)\": \(failure.reasonDescription)", at: at))
            }
            for absolute in paths where seen.insert(absolute).inserted {
                files.append(displayPath(absolute, mainDirectory: mainDirectory, base: base))
            }
        }
        return files
    }

    /// The path as the user would write it: relative to the main file's directory as they named it.
    private func displayPath(_ absolute: String, mainDirectory: String, base: String) -> String {
        guard absolute.hasPrefix(base + "/") else { return absolute }
        let relative = String(absolute.dropFirst(base.count + 1))
        return mainDirectory == "." ? relative : mainDirectory + "/" + relative
    }
}

/// The result of loading: the configuration when it is valid, and every diagnostic either way.
public struct LoadedConfig: Sendable {
    /// The main file as named.
    public var mainFile: String
    /// The configuration, or nil when any diagnostic is an error.
    public var config: Config?
    /// Every error and warning, ordered by file and position.
    public var diagnostics: [Diagnostic]
    /// Each file's own fragment: the main file first, then the includes in order.
    public var fragments: [ConfigFragment]
}
