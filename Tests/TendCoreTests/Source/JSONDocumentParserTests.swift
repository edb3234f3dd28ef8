import Testing
@testable import TendCore

@Suite struct JSONDocumentParserTests {
    static let errorCases: [SyntaxErrorCase] = [
        SyntaxErrorCase("", 1, 1, "the file is empty"),
        SyntaxErrorCase(" \n\t\r\n", 1, 1, "the file is empty"),
        SyntaxErrorCase("[1]", 1, 1, "the top level must be an object ({ ... }), found an array"),
        SyntaxErrorCase("\n  \"web\"", 2, 3, "the top level must be an object ({ ... }), found a string"),
        SyntaxErrorCase("{\"a\": 1}\n}", 2, 1, "unexpected '}' after the end of the top-level object"),
        SyntaxErrorCase("{} {}", 1, 4, "unexpected '{' after the end of the top-level object"),
        SyntaxErrorCase("{\n  \"a\": 1,\n}", 2, 9, "trailing comma before }"),
        SyntaxErrorCase("{\"a\": [1, 2, ]}", 1, 12, "trailing comma before ]"),
        SyntaxErrorCase("{\"a\": \"abc", 1, 7, "unterminated string: the file ends before the closing quote"),
        SyntaxErrorCase(
            "{\"a\": \"abc\n\"}", 1, 7, "unterminated string: no closing quote before the end of the line"
        ),
        SyntaxErrorCase("{\"a\": \"a\\", 1, 7, "unterminated string: the file ends before the closing quote"),
        SyntaxErrorCase("{\n\"a\": {\"b\": 1}\n", 1, 1, "unterminated object: the file ends before its closing }"),
        SyntaxErrorCase("{\"a\": {\"b\": 1", 1, 7, "unterminated object: the file ends before its closing }"),
        SyntaxErrorCase("{\"a\": [1, [2]", 1, 7, "unterminated array: the file ends before its closing ]"),
        SyntaxErrorCase("{\"a\":", 1, 1, "unterminated object: the file ends before its closing }"),
        SyntaxErrorCase("{\"a\": \"x\\qy\"}", 1, 9, "invalid escape sequence \\q in a string"),
        SyntaxErrorCase(
            "{\"a\": \"\\u12G4\"}", 1, 8, "invalid escape sequence \\u: expected four hexadecimal digits"
        ),
        SyntaxErrorCase(
            "{\"a\": \"x\\uD800\"}", 1, 9,
            "lone surrogate \\uD800 in a string: a high surrogate must be followed by a low surrogate escape "
                + "(\\uDC00 to \\uDFFF)"
        ),
        SyntaxErrorCase(
            "{\"a\": \"\\ud800\\u0041\"}", 1, 8,
            "lone surrogate \\ud800 in a string: a high surrogate must be followed by a low surrogate escape "
                + "(\\uDC00 to \\uDFFF)"
        ),
        SyntaxErrorCase(
            "{\"a\": \"\\uDC00\"}", 1, 8,
            "lone surrogate \\uDC00 in a string: a low surrogate must follow a high surrogate escape "
                + "(\\uD800 to \\uDBFF)"
        ),
        SyntaxErrorCase("{\"a\": \"x\u{0}\"}", 1, 9, "a NUL character (U+0000) must be escaped inside a string"),
        SyntaxErrorCase("{\"a\": \"x\ty\"}", 1, 9, "a tab must be escaped inside a string"),
        SyntaxErrorCase("{\"a\": \"\u{1B}\"}", 1, 8, "control character U+001B must be escaped inside a string"),
        SyntaxErrorCase("{\"a\": \u{0}}", 1, 7, "expected a value, found a NUL character (U+0000)"),
        SyntaxErrorCase("{\u{7}}", 1, 2, "expected a key in double quotes, found control character U+0007"),
        SyntaxErrorCase("{\"a\": 012}", 1, 7, "invalid number: leading zeros are not allowed"),
        SyntaxErrorCase("{\"a\": -012}", 1, 8, "invalid number: leading zeros are not allowed"),
        SyntaxErrorCase("{\"a\": -x}", 1, 8, "invalid number: expected a digit after '-', found 'x'"),
        SyntaxErrorCase("{\"a\": 1.}", 1, 9, "invalid number: expected a digit after the decimal point, found '}'"),
        SyntaxErrorCase("{\"a\": 1e+}", 1, 10, "invalid number: expected a digit in the exponent, found '}'"),
        SyntaxErrorCase("{\"a\": 0x1F}", 1, 8, "invalid number: unexpected 'x'"),
        SyntaxErrorCase("{\"a\": 1.5.2}", 1, 10, "invalid number: unexpected '.'"),
        SyntaxErrorCase("{\"a\": .5}", 1, 7, "expected a value, found '.'"),
        SyntaxErrorCase("{\"a\": +5}", 1, 7, "expected a value, found '+'"),
        SyntaxErrorCase("{\"a\": 1e400}", 1, 7, "number out of range: 1e400"),
        SyntaxErrorCase(
            "{\n  \"command\": \"a\",\n  \"command\": \"b\"\n}", 3, 3,
            "duplicate key \"command\" (first defined at line 2, column 3)"
        ),
        SyntaxErrorCase("{\"a\": yes}", 1, 7, "unknown value 'yes': strings must be written in double quotes"),
        SyntaxErrorCase("{\"a\": True}", 1, 7, "unknown value 'True': strings must be written in double quotes"),
        SyntaxErrorCase("{\"a\": 'x'}", 1, 7, "strings must be written in double quotes, not single quotes"),
        SyntaxErrorCase("{web: 1}", 1, 2, "expected a key in double quotes, found 'w'"),
        SyntaxErrorCase("{\"a\" 1}", 1, 6, "expected ':' after the key \"a\", found '1'"),
        SyntaxErrorCase("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}' after the value of \"a\", found '\"'"),
        SyntaxErrorCase("{\"a\": [1 2]}", 1, 10, "expected ',' or ']' after an array element, found '2'"),
        SyntaxErrorCase("{\"a\": }", 1, 7, "expected a value, found '}'"),
        SyntaxErrorCase("{\"é\": \"ü\", \"b\": ?}", 1, 17, "expected a value, found '?'"),
        SyntaxErrorCase("\u{FEFF}{\"a\": ?}", 1, 7, "expected a value, found '?'"),
        SyntaxErrorCase("{\"a\":\r\n ?}", 2, 2, "expected a value, found '?'"),
    ]

    /// The values-only parse (for the control API) accepts and rejects exactly what the full parse does,
    /// with the same values; only a duplicate key's message cannot say where the first one stood.
    @Test(arguments: errorCases)
    func theValuesOnlyParseRejectsTheSameDocuments(_ errorCase: SyntaxErrorCase) {
        let valuesOnly = syntaxError(Array(errorCase.text.utf8)) { bytes throws(SyntaxError) in
            ParsedDocument(root: try JSONDocumentParser.parseValues(bytes), sourceMap: SourceMap())
        }
        if errorCase.message.hasPrefix("duplicate key") {
            #expect(valuesOnly?.position == errorCase.expected.position)
        } else {
            #expect(valuesOnly == errorCase.expected)
        }
    }

    @Test func theValuesOnlyParseGivesTheSameValues() throws {
        let text = #"{"a": [1, 2.5, "x", {"b": null, "c": [true, false]}], "d": {}, "e\u00e9": -3}"#
        #expect(try JSONDocumentParser.parseValues(Array(text.utf8)) == JSONDocumentParser.parse(Array(text.utf8)).root)
        #expect(throws: SyntaxError(position: SourcePosition(line: 1, column: 10), message: "duplicate key \"a\"")) {
            _ = try JSONDocumentParser.parseValues(Array(#"{"a": 1, "a": 2}"#.utf8))
        }
    }

    @Test(arguments: errorCases)
    func rejectsWithPositionAndPlainMessage(_ errorCase: SyntaxErrorCase) {
        #expect(syntaxError(Array(errorCase.text.utf8), JSONDocumentParser.parse) == errorCase.expected)
    }

    @Test(arguments: [
        ([0x7B, 0x22, 0xFF, 0x22], 1, 3, "invalid UTF-8 byte 0xff"),
        ([0x7B, 0x0A, 0x22, 0xE9, 0x74, 0xE9, 0x22], 2, 2, "invalid UTF-8 byte 0xe9"),
        ([0x7B, 0x22, 0xC3, 0xA9, 0x80, 0x22], 1, 4, "invalid UTF-8 byte 0x80"),
        ([0x7B, 0xC0, 0xAF], 1, 2, "invalid UTF-8 byte 0xc0"),
        ([0x7B, 0xED, 0xA0, 0x80], 1, 2, "invalid UTF-8 byte 0xed"),
        ([0x7B, 0xF4, 0x90, 0x80, 0x80], 1, 2, "invalid UTF-8 byte 0xf4"),
        ([0x7B, 0x22, 0xE2, 0x82], 1, 3, "invalid UTF-8 byte 0xe2"),
    ] as [([UInt8], Int, Int, String)])
    func rejectsInvalidUTF8AtTheBadByte(bytes: [UInt8], line: Int, column: Int, message: String) {
        let expected = SyntaxError(position: SourcePosition(line: line, column: column), message: message)
        #expect(syntaxError(bytes, JSONDocumentParser.parse) == expected)
    }

    @Test func nestingBeyondTheLimitIsAnErrorNotACrash() {
        let deep = "{\"a\": " + String(repeating: "[", count: 100_000)
        let error = syntaxError(Array(deep.utf8), JSONDocumentParser.parse)
        #expect(error?.message == "nesting too deep: more than 256 levels of objects and arrays")
        #expect(error?.position == SourcePosition(line: 1, column: 7 + 255))

        let deepObjects = String(repeating: "{\"a\":", count: 100_000)
        #expect(syntaxError(Array(deepObjects.utf8), JSONDocumentParser.parse)?.message.hasPrefix("nesting") == true)
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let depth = JSONDocumentParser.maximumDepth - 1
        let text = "{\"a\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        var value = try JSONDocumentParser.parse(Array(text.utf8)).root["a"]
        var levels = 0
        while case .array(let elements) = value {
            levels += 1
            value = elements.first
        }
        #expect(levels == depth)
    }

    @Test func decodesValuesOfEveryKind() throws {
        let text = """
            {"s": "a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00", "i": -42, "zero": -0, "big": 9223372036854775807,
             "huge": 9223372036854775808, "f": 1.5e3, "g": -0.25, "t": true, "n": null, "e": {}, "a": [], "u": "ü"}
            """
        let root = try JSONDocumentParser.parse(Array(text.utf8)).root
        #expect(root["s"] == .string("a\"b\\c/d\u{8}\u{C}\n\r\té😀"))
        #expect(root["i"] == .integer(-42))
        #expect(root["zero"] == .integer(0))
        #expect(root["big"] == .integer(Int64.max))
        #expect(root["huge"] == .float(9_223_372_036_854_775_808))
        #expect(root["f"] == .float(1500))
        #expect(root["g"] == .float(-0.25))
        #expect(root["t"] == .boolean(true))
        #expect(root["n"] == .null)
        #expect(root["e"] == .table([:]))
        #expect(root["a"] == .array([]))
        #expect(root["u"] == .string("ü"))
        #expect(root.count == 12)
    }

    @Test func recordsEveryKeyAndValuePosition() throws {
        let text = """
            {
              "program": {
                "web": {
                  "command": ["python3", "-m"],
                  "numprocs": 2, "é": null,
                  "environment": {"PORT": "8000"}
                }
              }
            }
            """
        let map = try JSONDocumentParser.parse(Array(text.utf8)).sourceMap
        let web: ConfigPath = [.key("program"), .key("web")]
        let expected: [ExpectedPosition] = [
            ExpectedPosition([.key("program")], key: (2, 3), value: (2, 14)),
            ExpectedPosition(web, key: (3, 5), value: (3, 12)),
            ExpectedPosition(web.appending("command"), key: (4, 7), value: (4, 18)),
            ExpectedPosition(web.appending("command").appending(index: 0), key: (4, 19), value: (4, 19)),
            ExpectedPosition(web.appending("command").appending(index: 1), key: (4, 30), value: (4, 30)),
            ExpectedPosition(web.appending("numprocs"), key: (5, 7), value: (5, 19)),
            ExpectedPosition(web.appending("é"), key: (5, 22), value: (5, 27)),
            ExpectedPosition(web.appending("environment"), key: (6, 7), value: (6, 22)),
            ExpectedPosition(web.appending("environment").appending("PORT"), key: (6, 23), value: (6, 31)),
        ]
        for position in expected {
            #expect(map.keys[position.path] == position.key, "key of \(position.path)")
            #expect(map.values[position.path] == position.value, "value of \(position.path)")
        }
        #expect(map.keys.count == expected.count)
        #expect(map.values.count == expected.count)
    }

    @Test func byteOrderMarkAndCRLFLeavePositionsAsEditorsShowThem() throws {
        let text = "\u{FEFF}{\r\n  \"a\": 1,\r\n  \"b\": [true]\r\n}\r\n"
        let map = try JSONDocumentParser.parse(Array(text.utf8)).sourceMap
        #expect(map.keys[[.key("a")]] == SourcePosition(line: 2, column: 3))
        #expect(map.values[[.key("b"), .index(0)]] == SourcePosition(line: 3, column: 9))
    }
}
