import Testing
@testable import TendCore

/// Every kind of TOML value, read from `v = ...` and checked value by value.
@Suite struct TOMLValueTests {
    /// The value of `v` in `text`, or nil when the document does not parse or has no `v`.
    static func value(of text: String) -> ConfigValue? {
        (try? TOMLDocumentParser.parse(Array(text.utf8)))?.root["v"]
    }

    @Test(arguments: [
        ("v = \"plain\"", "plain"),
        ("v = \"\"", ""),
        ("v = \"\\b\\t\\n\\f\\r\\\"\\\\\"", "\u{8}\t\n\u{C}\r\"\\"),
        ("v = \"\\u00e9\\U0001F600\"", "é😀"),
        ("v = \"\\uD7FF\\uE000\\U0010FFFF\"", "\u{D7FF}\u{E000}\u{10FFFF}"),
        ("v = \"tab\there é # not a comment\"", "tab\there é # not a comment"),
        ("v = 'C:\\path\\n'", "C:\\path\\n"),
        ("v = ''", ""),
        ("v = 'say \"hi\"'", "say \"hi\""),
        ("v = \"\"\"\nfirst line\nsecond\"\"\"", "first line\nsecond"),
        ("v = \"\"\"\r\nCRLF\r\nbecomes LF\"\"\"", "CRLF\nbecomes LF"),
        ("v = \"\"\"one \\\n    two \\\n\n   \t three\"\"\"", "one two three"),
        ("v = \"\"\"trailing space after the backslash \\   \n  ok\"\"\"", "trailing space after the backslash ok"),
        ("v = \"\"\"\\\n\"\"\"", ""),
        ("v = \"\"\"a \"quoted\" \"\"word\"\" \"\"\"", "a \"quoted\" \"\"word\"\" "),
        ("v = \"\"\"ends with one quote\"\"\"\"", "ends with one quote\""),
        ("v = \"\"\"ends with two quotes\"\"\"\"\"", "ends with two quotes\"\""),
        ("v = \"\"\"\"\"\"\"", "\""),
        ("v = '''\nraw \\n and \\ kept\n'''", "raw \\n and \\ kept\n"),
        ("v = '''it's'''", "it's"),
        ("v = ''''quoted''''", "'quoted'"),
        ("v = '''two'''''", "two''"),
        ("v = \"\"\"\ttab\"\"\"", "\ttab"),
    ])
    func readsStrings(text: String, expected: String) {
        #expect(TOMLValueTests.value(of: text) == .string(expected))
    }

    @Test(arguments: [
        ("v = 0", 0), ("v = +0", 0), ("v = -0", 0), ("v = 42", 42), ("v = +99", 99), ("v = -17", -17),
        ("v = 1_000", 1_000), ("v = 5_349_221", 5_349_221), ("v = 1_2_3", 123),
        ("v = 9223372036854775807", Int64.max), ("v = -9223372036854775808", Int64.min),
        ("v = 0xDEADBEEF", 0xDEADBEEF), ("v = 0xdead_beef", 0xDEADBEEF), ("v = 0x0", 0),
        ("v = 0x7FFFFFFFFFFFFFFF", Int64.max), ("v = 0o755", 0o755), ("v = 0o0_1", 1), ("v = 0b1101_0110", 0b1101_0110),
    ] as [(String, Int64)])
    func readsIntegers(text: String, expected: Int64) {
        #expect(TOMLValueTests.value(of: text) == .integer(expected))
    }

    @Test(arguments: [
        ("v = 3.1415", 3.1415), ("v = +1.0", 1.0), ("v = -0.01", -0.01), ("v = 5e+22", 5e22), ("v = 1e06", 1e6),
        ("v = -2E-2", -0.02), ("v = 6.626e-34", 6.626e-34), ("v = 224_617.445_991_228", 224_617.445_991_228),
        ("v = 0.5", 0.5), ("v = 0e0", 0), ("v = 1e-0", 1), ("v = 1_0e1_0", 10e10), ("v = inf", .infinity),
        ("v = +inf", .infinity), ("v = -inf", -.infinity),
    ] as [(String, Double)])
    func readsFloats(text: String, expected: Double) {
        #expect(TOMLValueTests.value(of: text) == .float(expected))
    }

    @Test func readsSignedZeroAndNotANumber() throws {
        guard case .float(let negativeZero) = TOMLValueTests.value(of: "v = -0.0") else {
            Issue.record("-0.0 is not a float")
            return
        }
        #expect(negativeZero == 0 && negativeZero.sign == .minus)
        for text in ["v = nan", "v = +nan", "v = -nan"] {
            guard case .float(let number) = TOMLValueTests.value(of: text) else {
                Issue.record("\(text) is not a float")
                continue
            }
            #expect(number.isNaN)
        }
    }

    @Test(arguments: [("v = true", true), ("v = false", false), ("v = true # yes", true), ("v = false\n", false)])
    func readsBooleans(text: String, expected: Bool) {
        #expect(TOMLValueTests.value(of: text) == .boolean(expected))
    }

    /// Date-times keep RFC 3339 text: `T` between date and time, fractions without trailing zeros (nine
    /// digits at most, cut off rather than rounded), `Z` for a zero offset.
    @Test(arguments: [
        ("v = 1979-05-27T07:32:00Z", "1979-05-27T07:32:00Z"),
        ("v = 1979-05-27t07:32:00z", "1979-05-27T07:32:00Z"),
        ("v = 1979-05-27 07:32:00Z", "1979-05-27T07:32:00Z"),
        ("v = 1979-05-27T00:32:00-07:00", "1979-05-27T00:32:00-07:00"),
        ("v = 1979-05-27T00:32:00.999999+05:30", "1979-05-27T00:32:00.999999+05:30"),
        ("v = 1979-05-27T07:32:00+00:00", "1979-05-27T07:32:00Z"),
        ("v = 1979-05-27T07:32:00-00:00", "1979-05-27T07:32:00Z"),
        ("v = 1979-05-27T07:32:00.500Z", "1979-05-27T07:32:00.5Z"),
        ("v = 1979-05-27T07:32:00.000", "1979-05-27T07:32:00"),
        ("v = 1979-05-27T07:32:00.1234567899", "1979-05-27T07:32:00.123456789"),
        ("v = 1979-05-27T07:32:00", "1979-05-27T07:32:00"),
        ("v = 1979-05-27 07:32:00 # local", "1979-05-27T07:32:00"),
        ("v = 1979-05-27", "1979-05-27"),
        ("v = 1979-05-27 # a date, then a comment", "1979-05-27"),
        ("v = 2000-02-29", "2000-02-29"),
        ("v = 2004-02-29", "2004-02-29"),
        ("v = 1979-12-31", "1979-12-31"),
        ("v = 07:32:00", "07:32:00"),
        ("v = 00:32:00.999999", "00:32:00.999999"),
        ("v = 23:59:59.100", "23:59:59.1"),
    ])
    func readsDateTimesAsText(text: String, expected: String) {
        #expect(TOMLValueTests.value(of: text) == .datetime(expected))
    }

    @Test(arguments: [
        ("v = []", ConfigValue.array([])),
        ("v = [ ]", .array([])),
        ("v = [1, 2, 3]", .array([.integer(1), .integer(2), .integer(3)])),
        ("v = [1, \"two\", 3.5, true, 1979-05-27, [], {}]",
         .array([.integer(1), .string("two"), .float(3.5), .boolean(true), .datetime("1979-05-27"), .array([]), .table([:])])),
        ("v = [\n  1, # one\n\n  2,\n]", .array([.integer(1), .integer(2)])),
        ("v = [\r\n  'a',\r\n  'b'\r\n]", .array([.string("a"), .string("b")])),
        ("v = [ [ 1, 2 ], [\"a\", [\"b\"]] ]", .array([.array([.integer(1), .integer(2)]), .array([.string("a"), .array([.string("b")])])])),
        ("v = [1979-05-27 07:32:00, 1979-05-27 ]", .array([.datetime("1979-05-27T07:32:00"), .datetime("1979-05-27")])),
        ("v = [ { x = 1 }, { x = 2 } ]", .array([.table(["x": .integer(1)]), .table(["x": .integer(2)])])),
        ("v = [\"]\", ',', \"\"\"[\n]\"\"\"]", .array([.string("]"), .string(","), .string("[\n]")])),
    ])
    func readsArrays(text: String, expected: ConfigValue) {
        #expect(TOMLValueTests.value(of: text) == expected)
    }

    @Test(arguments: [
        ("v = {}", ConfigValue.table([:])),
        ("v = { x = 1, y = \"two\" }", .table(["x": .integer(1), "y": .string("two")])),
        ("v = { a.b = 1, a.c = 2, \"d e\".f = 3 }",
         .table(["a": .table(["b": .integer(1), "c": .integer(2)]), "d e": .table(["f": .integer(3)])])),
        ("v = { nested = { deep = { x = [1] } } }", .table(["nested": .table(["deep": .table(["x": .array([.integer(1)])])])])),
        ("v = { list = [\n  1,\n  2\n] }", .table(["list": .array([.integer(1), .integer(2)])])),
        ("v = { s = \"\"\"two\nlines\"\"\" }", .table(["s": .string("two\nlines")])),
    ])
    func readsInlineTables(text: String, expected: ConfigValue) {
        #expect(TOMLValueTests.value(of: text) == expected)
    }

    @Test func readsKeysOfEveryForm() throws {
        let text = """
            bare_key-1 = 1
            1234 = 2
            "quoted key" = 3
            'literal "key"' = 4
            "" = 5
            "tab\\tescape" = 6
            a . "b.c" . 'd' = 7
            3.14 = 8
            """
        let root = try TOMLDocumentParser.parse(Array(text.utf8)).root
        #expect(root == [
            "bare_key-1": .integer(1), "1234": .integer(2), "quoted key": .integer(3), "literal \"key\"": .integer(4),
            "": .integer(5), "tab\tescape": .integer(6), "a": .table(["b.c": .table(["d": .integer(7)])]),
            "3": .table(["14": .integer(8)]),
        ])
    }

    @Test func readsTablesAndArraysOfTables() throws {
        let text = """
            top = 0
            [fruit]
            apple.color = "red"
            apple.taste.sweet = true
            [fruit.apple.texture]
            smooth = true
            [ x . 'y' . "z" ]
            [x]
            w = 1
            [[list]]
            name = "apple"
            [list.physical]
            color = "red"
            [[list.variety]]
            name = "red delicious"
            [[list.variety]]
            name = "granny smith"
            [[ list ]]
            name = "banana"
            [[list.variety]]
            name = "plantain"
            """
        let root = try TOMLDocumentParser.parse(Array(text.utf8)).root
        #expect(root["top"] == .integer(0))
        #expect(root["fruit"] == .table(["apple": .table([
            "color": .string("red"), "taste": .table(["sweet": .boolean(true)]), "texture": .table(["smooth": .boolean(true)]),
        ])]))
        #expect(root["x"] == .table(["w": .integer(1), "y": .table(["z": .table([:])])]))
        #expect(root["list"] == .array([
            .table([
                "name": .string("apple"), "physical": .table(["color": .string("red")]),
                "variety": .array([.table(["name": .string("red delicious")]), .table(["name": .string("granny smith")])]),
            ]),
            .table(["name": .string("banana"), "variety": .array([.table(["name": .string("plantain")])])]),
        ]))
        #expect(root.count == 4)
    }

    /// What TOML allows: a super-table defined after its sub-tables, sub-tables added under dotted-key
    /// tables, dotted keys into tables only headers implied, and each array element a table of its own.
    @Test(arguments: [
        ("[a.b.c]\n[a]\n[a.b]", ["a": ConfigValue.table(["b": .table(["c": .table([:])])])]),
        ("a.b.c = 1\na.b.d = 2\n[a.b.e]", ["a": .table(["b": .table(["c": .integer(1), "d": .integer(2), "e": .table([:])])])]),
        ("[a]\nb.c = 1\n[a.b.d]", ["a": .table(["b": .table(["c": .integer(1), "d": .table([:])])])]),
        ("[a.b.c]\n[a]\nb.d = 1", ["a": .table(["b": .table(["c": .table([:]), "d": .integer(1)])])]),
        ("[[a]]\nb.c = 1\n[[a]]\nb.c = 2",
         ["a": .array([.table(["b": .table(["c": .integer(1)])]), .table(["b": .table(["c": .integer(2)])])])]),
        ("[[a.b]]\n[a.b.c]\n[[a.b]]\n[a.b.c]", ["a": .table(["b": .array([.table(["c": .table([:])]), .table(["c": .table([:])])])])]),
        ("[[a]]\n[[a.b]]\n[[a]]\n[[a.b]]\n[[a.b]]",
         ["a": .array([.table(["b": .array([.table([:])])]), .table(["b": .array([.table([:]), .table([:])])])])]),
    ] as [(String, [String: ConfigValue])])
    func acceptsTablesDefinedInAnyOrderTOMLAllows(text: String, expected: [String: ConfigValue]) throws {
        #expect(try TOMLDocumentParser.parse(Array(text.utf8)).root == expected)
    }

    @Test(arguments: [
        "\u{FEFF}v = 1\n", "v = 1", "v = 1\r\n", "\n\n  v = 1  # c\n\n", "# head\r\n\tv\t=\t1\t# tail\r\n",
    ])
    func readsLayoutAroundValues(text: String) {
        #expect(TOMLValueTests.value(of: text) == .integer(1))
    }
}
