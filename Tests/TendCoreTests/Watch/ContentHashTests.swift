import Testing
@testable import TendCore

@Suite struct ContentHashTests {
    /// Published FNV-1a 64 test vectors.
    @Test(arguments: [
        ("", "cbf29ce484222325"),
        ("a", "af63dc4c8601ec8c"),
        ("foobar", "85944171f73967e8"),
    ])
    func matchesTheReferenceVectors(text: String, hex: String) {
        #expect(ContentHash(of: Array(text.utf8)).description == hex)
    }

    @Test func oneChangedByteChangesTheHash() {
        let before = Array("[program.web]\ncommand = \"a\"\n".utf8)
        var after = before
        after[after.count - 3] = UInt8(ascii: "b")
        #expect(ContentHash(of: before) != ContentHash(of: after))
    }
}
