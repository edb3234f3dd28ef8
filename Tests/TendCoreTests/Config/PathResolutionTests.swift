import Testing
@testable import TendCore

/// Paths as written in configuration files, folded to the form tend keeps and shows.
@Suite struct PathResolutionTests {
    @Test(arguments: [
        ("/var/log/web.log", "/var/log/web.log"),
        ("logs/web.log", "logs/web.log"),
        ("/var//log/", "/var/log"),
        ("a/./b", "a/b"),
        ("/a/../b", "/b"),
        ("../x", "../x"),
        ("x/../../y", "../y"),
        ("a/..", "."),
        ("/..", "/"),
        ("/", "/"),
        (".", "."),
        ("", "."),
        ("a/.../b", "a/.../b"),
        ("/.hidden/x.", "/.hidden/x."),
        ("./run", "run"),
        ("run/.", "run"),
    ])
    func normalizeFoldsEmptyDotAndDotDotSegments(path: String, expected: String) {
        #expect(PathResolution.normalize(path) == expected)
        #expect(PathResolution.normalize(expected) == expected)
    }

    @Test func relativePathsResolveAgainstTheFilesDirectory() {
        #expect(PathResolution.resolve("logs/../run/web.pid", against: "/etc/tend") == "/etc/tend/run/web.pid")
        #expect(PathResolution.resolve("/srv/web", against: "/etc/tend") == "/srv/web")
    }
}
