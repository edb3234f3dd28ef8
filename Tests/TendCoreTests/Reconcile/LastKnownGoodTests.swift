import Testing
@testable import TendCore

/// What a reload reconciles towards when some files are broken: each file's last good programs, and nothing
/// at all new when the load cannot say which files the configuration has.
@Suite struct LastKnownGoodTests {
    static let main = "/t/tend.toml"
    static let good: [String: String] = [
        main: "[daemon]\ninclude = [\"conf.d/*.toml\"]\n",
        "/t/conf.d/a.toml": "[program.a]\ncommand = \"sleep 1\"\n",
        "/t/conf.d/b.toml": "[program.b]\ncommand = \"sleep 1\"\n",
    ]

    /// Gathers `files` and takes them into `lastKnownGood`.
    func update(_ lastKnownGood: inout LastKnownGood, _ files: MemoryFileSystem) throws -> LastKnownGood.Outcome {
        var cache = FragmentCache()
        let loader = ConfigLoader(fileSystem: files, host: .test, workingDirectory: "/")
        return lastKnownGood.update(try loader.gather(mainFile: Self.main, cache: &cache), host: .test)
    }

    func commands(_ outcome: LastKnownGood.Outcome) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: (outcome.config?.programs ?? []).map { ($0.name, $0.instances[0].argv) })
    }

    @Test func aBrokenIncludeKeepsItsLastGoodProgramsWhileOtherFilesChange() throws {
        var lastKnownGood = LastKnownGood()
        var files = MemoryFileSystem(Self.good)
        _ = try update(&lastKnownGood, files)
        files.files["/t/conf.d/a.toml"] = Array("[program.a]\ncommand = 42\n".utf8)
        files.files["/t/conf.d/b.toml"] = Array("[program.b]\ncommand = \"sleep 2\"\n".utf8)
        let outcome = try update(&lastKnownGood, files)
        #expect(commands(outcome) == ["a": ["sleep", "1"], "b": ["sleep", "2"]])
        #expect(outcome.brokenFiles == ["/t/conf.d/a.toml"])
    }

    @Test(arguments: [
        "[daemon\ninclude = [\"conf.d/*.toml\"]\n",
        "",
        "include = = 3\n",
        // Include lists with errors: the default list would stand in for them.
        "[daemon]\ninclude = 5\n",
        "[daemon]\ninclude = [\"conf.d/*.toml\", 3]\n",
        "daemon = 5\n",
    ])
    func aMainFileWhoseIncludesAreUnknownChangesNothing(brokenMain: String) throws {
        var lastKnownGood = LastKnownGood()
        var files = MemoryFileSystem(Self.good)
        #expect(commands(try update(&lastKnownGood, files)).keys.sorted() == ["a", "b"])
        files.files[Self.main] = Array(brokenMain.utf8)
        let broken = try update(&lastKnownGood, files)
        #expect(broken.config == nil)
        #expect(broken.brokenFiles == [Self.main])
        #expect(broken.diagnostics.contains { $0.file == Self.main && $0.severity == .error })

        // The includes' last good programs outlived the broken main file: fixed, with a.toml broken meanwhile,
        // a keeps its last good command.
        files.files[Self.main] = Array(Self.good[Self.main]!.utf8)
        files.files["/t/conf.d/a.toml"] = Array("[program.a]\ncommand = 42\n".utf8)
        #expect(commands(try update(&lastKnownGood, files)) == ["a": ["sleep", "1"], "b": ["sleep", "1"]])
    }

    @Test func anIncludeDirectoryThatCannotBeReadChangesNothing() throws {
        var lastKnownGood = LastKnownGood()
        var files = MemoryFileSystem(Self.good)
        _ = try update(&lastKnownGood, files)
        files.unreadable = ["/t/conf.d"]
        let outcome = try update(&lastKnownGood, files)
        #expect(outcome.config == nil)
        #expect(outcome.brokenFiles == [Self.main])
        #expect(outcome.diagnostics.map(\.description) == [
            "/t/tend.toml:2:12: error: daemon.include[0]: cannot read /t/conf.d for include \"conf.d/*.toml\": permission denied",
        ])
    }

    @Test func aFirstLoadTakesInTheIncludesItCouldRead() throws {
        var lastKnownGood = LastKnownGood()
        var files = MemoryFileSystem(Self.good)
        files.files[Self.main] = Array("[daemon]\ninclude = [\"conf.d/*.toml\", \"more/*.toml\"]\n".utf8)
        files.files["/t/more/c.toml"] = Array("[program.c]\ncommand = \"sleep 1\"\n".utf8)
        files.unreadable = ["/t/more"]
        let outcome = try update(&lastKnownGood, files)
        #expect(commands(outcome).keys.sorted() == ["a", "b"])
        #expect(outcome.brokenFiles == [Self.main])
        #expect(outcome.diagnostics.contains { $0.file == Self.main && $0.message.contains("cannot read /t/more") })
    }

    @Test func aProgramDefinedTwiceAcrossFilesChangesNothing() throws {
        var lastKnownGood = LastKnownGood()
        var files = MemoryFileSystem(Self.good)
        _ = try update(&lastKnownGood, files)
        files.files["/t/conf.d/b.toml"] = Array("[program.a]\ncommand = \"sleep 3\"\n".utf8)
        let outcome = try update(&lastKnownGood, files)
        #expect(outcome.config == nil)
        #expect(outcome.brokenFiles == ["/t/conf.d/b.toml"])
    }

    @Test func aDeletedFileTakesItsProgramsAway() throws {
        var lastKnownGood = LastKnownGood()
        var files = MemoryFileSystem(Self.good)
        _ = try update(&lastKnownGood, files)
        files.files["/t/conf.d/b.toml"] = nil
        #expect(commands(try update(&lastKnownGood, files)) == ["a": ["sleep", "1"]])
    }
}
