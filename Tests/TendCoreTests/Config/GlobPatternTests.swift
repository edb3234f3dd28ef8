import Testing
@testable import TendCore

@Suite struct GlobPatternTests {
    let tree = MemoryFileSystem([
        "/c/conf.d/a.toml": "", "/c/conf.d/b.json": "", "/c/conf.d/.hidden.toml": "",
        "/c/conf.d/sub/c.toml": "", "/c/conf.d/sub/deeper/d.toml": "", "/c/conf.d/..data/e.toml": "",
        "/c/conf.d/notes.txt": "",
    ])

    @Test(arguments: [
        ("conf.d/*.toml", ["/c/conf.d/a.toml"]),
        ("conf.d/*.json", ["/c/conf.d/b.json"]),
        ("conf.d/*", ["/c/conf.d/a.toml", "/c/conf.d/b.json", "/c/conf.d/notes.txt", "/c/conf.d/sub"]),
        ("conf.d/**/*.toml", ["/c/conf.d/a.toml", "/c/conf.d/sub/c.toml", "/c/conf.d/sub/deeper/d.toml"]),
        ("conf.d/?.toml", ["/c/conf.d/a.toml"]),
        ("conf.d/[ab].*", ["/c/conf.d/a.toml", "/c/conf.d/b.json"]),
        ("conf.d/[!a]*", ["/c/conf.d/b.json", "/c/conf.d/notes.txt", "/c/conf.d/sub"]),
        ("conf.d/.*.toml", ["/c/conf.d/.hidden.toml"]),
        ("conf.d/a.toml", ["/c/conf.d/a.toml"]),
        ("/c/conf.d/*.json", ["/c/conf.d/b.json"]),
        ("missing/*.toml", []),
    ])
    func matchesLikeAShell(pattern: String, expected: [String]) {
        let result = GlobPattern(pattern).expand(in: "/c", fileSystem: tree)
        #expect(result.paths == expected)
        #expect(result.failures.isEmpty)
    }

    @Test func unreadableDirectoriesAreReportedNotSkipped() {
        var tree = self.tree
        tree.unreadable = ["/c/conf.d"]
        let result = GlobPattern("conf.d/*.toml").expand(in: "/c", fileSystem: tree)
        #expect(result.paths.isEmpty)
        #expect(result.failures == [FileAccessError(path: "/c/conf.d", reason: .permissionDenied)])
    }
}
