import Testing
@testable import TendCore
import TendTestKit

/// Each parse runs on a thread of its own: it computes for a second or more in a debug build, which on one of
/// the cooperative pool's two threads would stall every other test's timers and deadlines meanwhile.
@Suite struct LargeDocumentTests {
    /// How many megabytes the generated files have: 10 in release builds; 1 in debug builds, where the
    /// unoptimised parsers take about a second per megabyte, to keep `swift test` quick.
    #if DEBUG
    static let megabytes = 1
    #else
    static let megabytes = 10
    #endif

    /// A configuration of `count` programs (about 600 bytes each, strings as long as real commands and
    /// descriptions) in the given syntax.
    static func programs(_ count: Int, as syntax: ConfigSyntax) -> [UInt8] {
        let description = String(repeating: "Serves the web front end for the shop; é; ", count: 4)
        var text = syntax == .json ? "{\"program\": {\n" : ""
        for index in 0..<count {
            let command = "/usr/local/bin/worker --id \(index) --config /etc/worker/\(index).conf --log-level debug"
            switch syntax {
            case .toml:
                text += """
                    [program.p\(index)]
                    command = "\(command)"
                    description = "\(description)"
                    directory = '/srv/app/releases/current/\(index)'
                    environment = { PORT = "\(8000 + index % 1000)", MODE = 'production' }
                    exitcodes = [0, 2]
                    autostart = true
                    startsecs = 1.5
                    priority = \(index)\n
                    """
            case .json:
                text += """
                    "p\(index)": {"command": "\(command)", "description": "\(description)", \
                    "directory": "/srv/app/releases/current/\(index)", \
                    "environment": {"PORT": "\(8000 + index % 1000)", "MODE": "production"}, "exitcodes": [0, 2], \
                    "autostart": true, "startsecs": 1.5, "priority": \(index)}\(index == count - 1 ? "" : ",")\n
                    """
            }
        }
        text += syntax == .json ? "}}\n" : ""
        return Array(text.utf8)
    }

    @Test(arguments: ConfigSyntax.allCases)
    func aLargeFileParsesWithEveryPosition(syntax: ConfigSyntax) async throws {
        let count = 2_200 * LargeDocumentTests.megabytes
        let bytes = LargeDocumentTests.programs(count, as: syntax)
        #expect(bytes.count >= 1_000_000 * LargeDocumentTests.megabytes)
        let clock = ContinuousClock()
        let start = clock.now
        let document = try await onThreadOfItsOwn { try syntax.parse(bytes: bytes) }
        let elapsed = clock.now - start
        print("parsed \(bytes.count) bytes of \(syntax) in \(elapsed)")
        guard case .table(let programs) = document.root["program"] else {
            Issue.record("no program table")
            return
        }
        #expect(programs.count == count)
        let last: ConfigPath = [.key("program"), .key("p\(count - 1)"), .key("priority")]
        #expect(programs["p\(count - 1)"].flatMap { if case .table(let t) = $0 { t["priority"] } else { nil } }
            == .integer(Int64(count - 1)))
        #expect(document.sourceMap.values[last] != nil)
        #expect(document.sourceMap.keys.count == count * 13 + 1)
    }

    /// A file written on one line: positions are counted forward from the last one, never from the line's
    /// start (which would take hours here).
    @Test func aLargeFileOnOneLineCostsOnePass() async throws {
        let count = 40_000 * LargeDocumentTests.megabytes
        let members = (0..<count).map { "\"k\($0)\": [\($0), \"é\"]" }.joined(separator: ", ")
        let bytes = Array("{\(members)}".utf8)
        let document = try await onThreadOfItsOwn { try JSONDocumentParser.parse(bytes) }
        // Every earlier member holds one two-byte scalar (é), which takes one column.
        let bracketOffset = bytes.count - Array("[\(count - 1), \"é\"]}".utf8).count
        let column = bracketOffset - (count - 1) + 1
        #expect(document.sourceMap.values[[.key("k\(count - 1)")]] == SourcePosition(line: 1, column: column))
    }

    /// Long arrays, many `[[array]]` elements and keys of many parts are read in one pass: no element is
    /// appended by copying the ones before it, and a key deeper than tables may nest is refused at once.
    @Test func longTOMLArraysAndKeysStayLinear() async throws {
        let count = 50_000 * LargeDocumentTests.megabytes
        let array = "a = [" + String(repeating: "1, ", count: count) + "]\n"
        let tables = String(repeating: "[[t]]\nx = 1\n", count: count)
        let root = try await onThreadOfItsOwn { try TOMLDocumentParser.parse(Array((array + tables).utf8)).root }
        #expect(root["a"].map { if case .array(let elements) = $0 { elements.count } else { 0 } } == count)
        #expect(root["t"].map { if case .array(let elements) = $0 { elements.count } else { 0 } } == count)
        let deepKey = String(repeating: "k.", count: count) + "k = 1\n"
        let deepKeyError = await onThreadOfItsOwn { syntaxError(Array(deepKey.utf8), TOMLDocumentParser.parse)?.message }
        #expect(deepKeyError
            == "nesting too deep: more than \(TOMLDocumentParser.maximumDepth) levels of tables")
    }
}
