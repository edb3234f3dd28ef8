import Testing
@testable import TendCore

@Suite struct CommandLineSplitterTests {
    @Test(arguments: [
        ("python3 -m http.server 8000", ["python3", "-m", "http.server", "8000"]),
        ("  spaced   out  ", ["spaced", "out"]),
        ("sh -c 'echo $HOME; exit 3'", ["sh", "-c", "echo $HOME; exit 3"]),
        ("echo \"a \\\"quoted\\\" word\"", ["echo", "a \"quoted\" word"]),
        ("echo \"keep \\n backslash\"", ["echo", "keep \\n backslash"]),
        ("echo one\\ word", ["echo", "one word"]),
        ("echo ''", ["echo", ""]),
        ("echo a\"b c\"d", ["echo", "ab cd"]),
        ("echo 'it'\\''s'", ["echo", "it's"]),
        ("", []),
    ])
    func splitsLikeAShell(command: String, argv: [String]) throws {
        #expect(try CommandLineSplitter.split(command).get() == argv)
    }

    @Test(arguments: [
        ("echo 'open", 5, "unterminated single quote in command"),
        ("echo \"open", 5, "unterminated double quote in command"),
        ("echo \\", 5, "command ends with a lone backslash"),
    ])
    func reportsWhereSplittingFails(command: String, offset: Int, message: String) {
        guard case .failure(let error) = CommandLineSplitter.split(command) else { Issue.record("accepted"); return }
        #expect(error == .init(offset: offset, message: message))
    }
}
