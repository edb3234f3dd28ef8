import Testing
@testable import TendCore

@Suite struct TOMLSourceMapTests {
    static let document = [
        "# tend configuration",
        "[daemon]",
        "socket = \"tend.sock\"   # trailing comment",
        "include = [\"conf.d/*.toml\",",
        "           \"conf.d/*.json\"]",
        "",
        "[program.web]",
        "command = [\"python3\", \"-m\", \"http.server\"]",
        "environment = { PORT = \"8000\", \"MY VAR\" = 'x', nested = { deep = [1, [2, 3]] } }",
        "\"my app\".autostart = true",
        "description = \"\"\"",
        "multi \"line\" \"\" [not.a.header]",
        "text\"\"\"",
        "literal = '''raw \\n x = 1'''",
        "",
        "[[program.web.hooks]]",
        "name = \"first\"",
        "",
        "  [[ program.web.hooks ]]  # indented",
        "name = 'second'",
        "when = 1979-05-27 07:32:00",
        "[program.web.hooks.extra]",
        "x = [ 1979-05-27 07:32:00, 2 ]",
        "['quoted key'.\"b c\"]",
        "\"é\" = \"ü\"  # ü",
    ]

    static let web: ConfigPath = [.key("program"), .key("web")]
    static let hooks = web.appending("hooks")
    static let environment = web.appending("environment")
    static let deep = environment.appending("nested").appending("deep")
    static let quoted: ConfigPath = [.key("quoted key"), .key("b c")]

    static let expected: [ExpectedPosition] = [
        ExpectedPosition([.key("daemon")], key: (2, 2), value: (2, 1)),
        ExpectedPosition([.key("daemon"), .key("socket")], key: (3, 1), value: (3, 10)),
        ExpectedPosition([.key("daemon"), .key("include")], key: (4, 1), value: (4, 11)),
        ExpectedPosition([.key("daemon"), .key("include"), .index(0)], key: (4, 12), value: (4, 12)),
        ExpectedPosition([.key("daemon"), .key("include"), .index(1)], key: (5, 12), value: (5, 12)),
        ExpectedPosition([.key("program")], key: (7, 2), value: nil),
        ExpectedPosition(web, key: (7, 10), value: (7, 1)),
        ExpectedPosition(web.appending("command"), key: (8, 1), value: (8, 11)),
        ExpectedPosition(web.appending("command").appending(index: 0), key: (8, 12), value: (8, 12)),
        ExpectedPosition(web.appending("command").appending(index: 1), key: (8, 23), value: (8, 23)),
        ExpectedPosition(web.appending("command").appending(index: 2), key: (8, 29), value: (8, 29)),
        ExpectedPosition(environment, key: (9, 1), value: (9, 15)),
        ExpectedPosition(environment.appending("PORT"), key: (9, 17), value: (9, 24)),
        ExpectedPosition(environment.appending("MY VAR"), key: (9, 32), value: (9, 43)),
        ExpectedPosition(environment.appending("nested"), key: (9, 48), value: (9, 57)),
        ExpectedPosition(deep, key: (9, 59), value: (9, 66)),
        ExpectedPosition(deep.appending(index: 0), key: (9, 67), value: (9, 67)),
        ExpectedPosition(deep.appending(index: 1), key: (9, 70), value: (9, 70)),
        ExpectedPosition(deep.appending(index: 1).appending(index: 0), key: (9, 71), value: (9, 71)),
        ExpectedPosition(deep.appending(index: 1).appending(index: 1), key: (9, 74), value: (9, 74)),
        ExpectedPosition(web.appending("my app"), key: (10, 1), value: nil),
        ExpectedPosition(web.appending("my app").appending("autostart"), key: (10, 10), value: (10, 22)),
        ExpectedPosition(web.appending("description"), key: (11, 1), value: (11, 15)),
        ExpectedPosition(web.appending("literal"), key: (14, 1), value: (14, 11)),
        ExpectedPosition(hooks, key: (16, 15), value: (16, 1)),
        ExpectedPosition(hooks.appending(index: 0), key: (16, 15), value: (16, 1)),
        ExpectedPosition(hooks.appending(index: 0).appending("name"), key: (17, 1), value: (17, 8)),
        ExpectedPosition(hooks.appending(index: 1), key: (19, 18), value: (19, 3)),
        ExpectedPosition(hooks.appending(index: 1).appending("name"), key: (20, 1), value: (20, 8)),
        ExpectedPosition(hooks.appending(index: 1).appending("when"), key: (21, 1), value: (21, 8)),
        ExpectedPosition(hooks.appending(index: 1).appending("extra"), key: (22, 20), value: (22, 1)),
        ExpectedPosition(hooks.appending(index: 1).appending("extra").appending("x"), key: (23, 1), value: (23, 5)),
        ExpectedPosition(
            hooks.appending(index: 1).appending("extra").appending("x").appending(index: 0), key: (23, 7), value: (23, 7)
        ),
        ExpectedPosition(
            hooks.appending(index: 1).appending("extra").appending("x").appending(index: 1), key: (23, 28), value: (23, 28)
        ),
        ExpectedPosition([.key("quoted key")], key: (24, 2), value: nil),
        ExpectedPosition(quoted, key: (24, 15), value: (24, 1)),
        ExpectedPosition(quoted.appending("é"), key: (25, 1), value: (25, 7)),
    ]

    @Test(arguments: ["\n", "\r\n"], [false, true])
    func recordsKeysAndValuesWhereTheyAreWritten(lineEnding: String, byteOrderMark: Bool) throws {
        let text = (byteOrderMark ? "\u{FEFF}" : "") + TOMLSourceMapTests.document.joined(separator: lineEnding)
        let document = try TOMLDocumentParser.parse(Array(text.utf8))
        let map = document.sourceMap
        for position in TOMLSourceMapTests.expected {
            #expect(map.keys[position.path] == position.key, "key of \(position.path)")
            #expect(map.values[position.path] == position.value, "value of \(position.path)")
        }
        #expect(map.keys.count == TOMLSourceMapTests.expected.count)
        #expect(map.values.count == TOMLSourceMapTests.expected.count { $0.value != nil })
        #expect(map.keys[TOMLSourceMapTests.web.appending("x")] == nil, "text inside a multi-line string is not a key")
    }

    @Test func everyValueInTheTreeHasAPosition() throws {
        let text = TOMLSourceMapTests.document.joined(separator: "\n")
        let document = try TOMLDocumentParser.parse(Array(text.utf8))
        var missing: [ConfigPath] = []
        func visit(_ value: ConfigValue, at path: ConfigPath) {
            if document.sourceMap.keys[path] == nil { missing.append(path) }
            switch value {
            case .table(let members):
                for (key, member) in members { visit(member, at: path.appending(key)) }
            case .array(let elements):
                for (index, element) in elements.enumerated() { visit(element, at: path.appending(index: index)) }
            default:
                break
            }
        }
        for (key, value) in document.root { visit(value, at: [.key(key)]) }
        #expect(missing.isEmpty, "no key position for \(missing)")
    }

    @Test func nestedArraysOfTablesCountPerParentElement() throws {
        let text = """
            [[fruit]]
            name = "apple"
            [[fruit.variety]]
            name = "red"
            [[fruit.variety]]
            name = "green"
            [[fruit]]
            name = "banana"
            [[fruit.variety]]
            name = "plantain"
            [fruit.physical]
            color = "yellow"
            """
        let map = try TOMLDocumentParser.parse(Array(text.utf8)).sourceMap
        let fruit1: ConfigPath = [.key("fruit"), .index(1)]
        #expect(map.values[[.key("fruit"), .index(0), .key("variety"), .index(1), .key("name")]]
            == SourcePosition(line: 6, column: 8))
        #expect(map.keys[fruit1.appending("variety").appending(index: 0)] == SourcePosition(line: 9, column: 9))
        #expect(map.values[fruit1.appending("variety").appending(index: 0).appending("name")]
            == SourcePosition(line: 10, column: 8))
        #expect(map.keys[fruit1.appending("physical")] == SourcePosition(line: 11, column: 8))
        #expect(map.values[fruit1.appending("physical").appending("color")] == SourcePosition(line: 12, column: 9))
        #expect(map.keys[[.key("fruit"), .index(2)]] == nil)
    }

    @Test(arguments: [
        "a = [", "[[", "x = \"\"\"", "= = =", "[a.b\n c = {", "\"unterminated = 1", "a = { b = [ { c = ",
        String(repeating: "a = [{", count: 500), "'''", "\\", "[\"a\\u",
    ])
    func brokenTextIsAnErrorNeverAHangOrACrash(_ text: String) {
        #expect(syntaxError(Array(text.utf8), TOMLDocumentParser.parse) != nil)
    }
}
