import Testing
@testable import TendCore

@Suite struct FragmentCacheTests {
    @Test func onlyChangedFilesAreParsedAgain() throws {
        var files = MemoryFileSystem([
            "/t/tend.toml": "# main\n",
            "/t/conf.d/a.toml": "[program.a]\ncommand = \"sleep 1\"\n",
            "/t/conf.d/b.toml": "[program.b]\ncommand = \"sleep 1\"\n",
        ])
        var cache = FragmentCache()
        let loader = { (files: MemoryFileSystem) in ConfigLoader(fileSystem: files, host: .test, workingDirectory: "/") }
        let first = try loader(files).load(mainFile: "/t/tend.toml", cache: &cache)
        #expect(cache.count == 3)
        var parses = 0
        _ = cache.fragment(of: "/t/conf.d/a.toml", bytes: Array("[program.a]\ncommand = \"sleep 1\"\n".utf8), isMain: false) {
            parses += 1
            return first.fragments[1]
        }
        #expect(parses == 0)
        files.files["/t/conf.d/b.toml"] = Array("[program.b]\ncommand = \"sleep 2\"\n".utf8)
        files.files["/t/conf.d/a.toml"] = nil
        let second = try loader(files).load(mainFile: "/t/tend.toml", cache: &cache)
        #expect(second.config?.program(named: "b")?.instances.first?.argv == ["sleep", "2"])
        #expect(second.config?.program(named: "a") == nil)
        #expect(cache.count == 2)
    }
}
