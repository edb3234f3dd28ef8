import Testing
@testable import TendCore

@Suite struct TOMLDocumentParserTests {
    static let errorCases: [SyntaxErrorCase] = [
        SyntaxErrorCase("command = \"a\"\ncommand = \"b\"\n", 2, 11, "duplicate key 'command': it is already defined as a string"),
        SyntaxErrorCase("[t]\nx = 1\n[t]\n", 3, 1, "table [t] is defined twice"),
        SyntaxErrorCase("a = 1\n[a]\n", 2, 1, "'a' is already defined as an integer, it cannot also be a table"),
        SyntaxErrorCase("a = \n", 1, 5, "expected value, found the end of the line"),
        SyntaxErrorCase("a = 1\r\nb = \r\n", 2, 5, "expected value, found the end of the line"),
        SyntaxErrorCase("a = 1 2\n", 1, 7, "unexpected '2' after the value: only a comment may follow it on the line"),
        SyntaxErrorCase("a = [1, 2\n", 1, 11, "unterminated array: the file ends before its closing ]"),
        SyntaxErrorCase("a = \"abc\n", 1, 9, "unterminated string: no closing quote before the end of the line"),
        SyntaxErrorCase("a = \"\"\"abc", 1, 11, "unterminated string: the file ends before the closing quote"),
        SyntaxErrorCase("a = { b = 1, }\n", 1, 14, "trailing comma before }"),
        SyntaxErrorCase("a = 01\n", 1, 7, "leading zeros are not allowed in numbers"),
        SyntaxErrorCase("a = \"\\q\"\n", 1, 7, "unknown escape sequence '\\q'"),
        SyntaxErrorCase("[a\n", 1, 3, "expected ']', found the end of the line"),
        SyntaxErrorCase("x = \"ééé\" y\n", 1, 11, "unexpected 'y' after the value: only a comment may follow it on the line"),
        SyntaxErrorCase("é = 1\n", 1, 1, "unexpected 'é': a line must start with a key, a [table] header or a comment"),
        SyntaxErrorCase("\ta = yes\n", 1, 6, "invalid value: strings must be written in quotes"),
        SyntaxErrorCase("a = truex\n", 1, 9, "unexpected 'x' after the boolean"),
        SyntaxErrorCase(
            "a = 9999999999999999999999\n", 1, 27,
            "integer 9999999999999999999999 is out of range (it does not fit in 64 bits)"
        ),
        SyntaxErrorCase("a = \"x\u{1}y\"\n", 1, 7, "control character U+0001 must be escaped inside a string"),
        SyntaxErrorCase("# c\u{7F}\n", 1, 4, "control character U+007F is not allowed in a comment"),
        SyntaxErrorCase("a = \"\\uD800\"\n", 1, 12, "unicode surrogates (U+D800 - U+DFFF) are not allowed"),
        SyntaxErrorCase("a = 1979-13-01\n", 1, 12, "expected month between 1 and 12 (inclusive), found 13"),
        SyntaxErrorCase("a = 1\nb = \"x\u{0}\"\n", 2, 7, "a NUL character (U+0000) is not allowed in TOML"),
        // Inputs toml++ 3.4, which tend once used, asserted on instead of rejecting; found by fuzzing it.
        SyntaxErrorCase("[.a]\n", 1, 2, "a table header must start with a key, found '.'"),
        SyntaxErrorCase("x = 1\n[ =]\n", 2, 3, "a table header must start with a key, found '='"),
        SyntaxErrorCase("[\n", 1, 2, "a table header must start with a key, found the end of the line"),
        SyntaxErrorCase("[[[a]]]\n", 1, 3, "a table header must start with a key, found '['"),
        SyntaxErrorCase("a = [ 1, } ]\n", 1, 10, "expected a value or ']' in the array, found '}'"),
        SyntaxErrorCase(
            "a = [\u{2028}]\n", 1, 6, "expected a value or ']' in the array, found a Unicode line separator (U+2028)"
        ),
        SyntaxErrorCase("z = 1979-05-27 0]\n", 1, 16, "incomplete time after the date: expected HH:MM:SS"),
        SyntaxErrorCase("z = [1979-0=-27 0#]\n", 1, 17, "incomplete time after the date: expected HH:MM:SS"),
        SyntaxErrorCase("d = 1979-05-27T_07:32:00\n", 1, 16, "expected a time (HH:MM:SS) after the date, found '_'"),
        SyntaxErrorCase("d = 1979-05-27T:07:32:00\n", 1, 16, "expected a time (HH:MM:SS) after the date, found ':'"),
        SyntaxErrorCase("a = 01\n[.b]\n", 1, 7, "leading zeros are not allowed in numbers"),
    ]

    @Test(arguments: errorCases)
    func rejectsWithPositionAndPlainMessage(_ errorCase: SyntaxErrorCase) {
        #expect(syntaxError(Array(errorCase.text.utf8), TOMLDocumentParser.parse) == errorCase.expected)
    }

    @Test func byteOrderMarkTakesNoColumn() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a = ?\n".utf8)
        #expect(syntaxError(bytes, TOMLDocumentParser.parse)?.position == SourcePosition(line: 1, column: 5))
    }

    @Test(arguments: [
        ([0x61, 0x20, 0x3D, 0x20, 0x22, 0xFF, 0x22], 1, 6, "invalid UTF-8 byte 0xff"),
        (Array("# fine\nname = \"".utf8) + [0xE9, 0x22, 0x0A], 2, 9, "invalid UTF-8 byte 0xe9"),
    ] as [([UInt8], Int, Int, String)])
    func rejectsInvalidUTF8BeforeParsing(bytes: [UInt8], line: Int, column: Int, message: String) {
        let expected = SyntaxError(position: SourcePosition(line: line, column: column), message: message)
        #expect(syntaxError(bytes, TOMLDocumentParser.parse) == expected)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = "a = " + String(repeating: "[", count: 100_000) + "\n"
        let error = syntaxError(Array(text.utf8), TOMLDocumentParser.parse)
        #expect(error?.message == "nesting too deep: more than 256 levels of arrays and inline tables")
    }

    @Test(arguments: ["", "\n\n", "  \t\r\n", "# only a comment\n"])
    func emptyOrBlankFileIsAnEmptyTable(_ text: String) throws {
        let document = try TOMLDocumentParser.parse(Array(text.utf8))
        #expect(document == ParsedDocument(root: [:], sourceMap: SourceMap()))
    }

    @Test func convertsValuesOfEveryKind() throws {
        let text = """
            s = "tab\\there é"
            literal = 'C:\\path'
            multi = \"\"\"
            two
            lines\"\"\"
            i = -42
            hex = 0xff
            f = 6.5e-1
            t = true
            odt = 1979-05-27T07:32:00.5-07:00
            utc = 1979-05-27 07:32:00Z
            ldt = 1979-05-27T07:32:00
            ld = 1979-05-27
            lt = 07:32:00.123
            a = [1, "two", [3.0]]
            inline = { x = 1, y = { z = false } }
            [[list]]
            n = 1
            [[list]]
            """
        let root = try TOMLDocumentParser.parse(Array(text.utf8)).root
        #expect(root["s"] == .string("tab\there é"))
        #expect(root["literal"] == .string("C:\\path"))
        #expect(root["multi"] == .string("two\nlines"))
        #expect(root["i"] == .integer(-42))
        #expect(root["hex"] == .integer(255))
        #expect(root["f"] == .float(0.65))
        #expect(root["t"] == .boolean(true))
        #expect(root["odt"] == .datetime("1979-05-27T07:32:00.5-07:00"))
        #expect(root["utc"] == .datetime("1979-05-27T07:32:00Z"))
        #expect(root["ldt"] == .datetime("1979-05-27T07:32:00"))
        #expect(root["ld"] == .datetime("1979-05-27"))
        #expect(root["lt"] == .datetime("07:32:00.123"))
        #expect(root["a"] == .array([.integer(1), .string("two"), .array([.float(3)])]))
        #expect(root["inline"] == .table(["x": .integer(1), "y": .table(["z": .boolean(false)])]))
        #expect(root["list"] == .array([.table(["n": .integer(1)]), .table([:])]))
        #expect(root.count == 15)
    }
}
