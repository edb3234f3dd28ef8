import Testing
@testable import TendCore

/// Documents that are not TOML, each rejected with a plain sentence at the character it concerns (or just
/// after a whole number or date field, when the problem is the number itself).
@Suite struct TOMLSyntaxErrorTests {
    static let stringCases: [SyntaxErrorCase] = [
        SyntaxErrorCase("a = \"x\\qy\"", 1, 8, "unknown escape sequence '\\q'"),
        SyntaxErrorCase("a = \"\\x41\"", 1, 7, "unknown escape sequence '\\x'"),
        SyntaxErrorCase("a = \"\\e\"", 1, 7, "unknown escape sequence '\\e'"),
        SyntaxErrorCase("a = \"\\\n\"", 1, 7, "unknown escape sequence: a backslash followed by the end of the line"),
        SyntaxErrorCase("a = \"\\u12G4\"", 1, 10, "expected a hexadecimal digit in the \\u escape, found 'G'"),
        SyntaxErrorCase("a = \"\\U0000004\"", 1, 15, "expected a hexadecimal digit in the \\U escape, found '\"'"),
        SyntaxErrorCase("a = \"\\uDFFF\"", 1, 12, "unicode surrogates (U+D800 - U+DFFF) are not allowed"),
        SyntaxErrorCase("a = \"\\U00110000\"", 1, 16, "unicode values greater than U+10FFFF are not allowed"),
        SyntaxErrorCase("a = \"abc", 1, 9, "unterminated string: the file ends before the closing quote"),
        SyntaxErrorCase("a = 'abc\n", 1, 9, "unterminated string: no closing quote before the end of the line"),
        SyntaxErrorCase("a = 'x\u{1}'", 1, 7, "control character U+0001 is not allowed in a literal string"),
        SyntaxErrorCase("a = \"\"\"x\u{1}\"\"\"", 1, 9, "control character U+0001 must be escaped inside a string"),
        SyntaxErrorCase("a = '''x\u{7F}'''", 1, 9, "control character U+007F is not allowed in a literal string"),
        SyntaxErrorCase("a = \"\"\"abc\"\"\"\"\"\"", 1, 16, "unexpected '\"' after the string"),
        SyntaxErrorCase("a = '''abc''''''", 1, 16, "unexpected ''' after the string"),
        SyntaxErrorCase(
            "a = \"\"\"x\ry\"\"\"", 1, 9,
            "a carriage return (U+000D) must be followed by a line feed: lines end with LF or CRLF"
        ),
        SyntaxErrorCase(
            "a = \"x\" y", 1, 9,
            "unexpected 'y' after the value: only a comment may follow it on the line"
        ),
        SyntaxErrorCase("a = \"x\"y", 1, 8, "unexpected 'y' after the string"),
        SyntaxErrorCase("a = '''", 1, 8, "unterminated string: the file ends before the closing quote"),
        SyntaxErrorCase("\"key = 1", 1, 9, "unterminated string: the file ends before the closing quote"),
        SyntaxErrorCase("a = \"\"\" \\ x\"\"\"", 1, 10, "unknown escape sequence '\\ '"),
    ]

    static let numberCases: [SyntaxErrorCase] = [
        SyntaxErrorCase("a = 0X1F", 1, 6, "unexpected 'X' after the integer"),
        SyntaxErrorCase("a = 0x", 1, 7, "expected a hexadecimal digit after 0x, found the end of the file"),
        SyntaxErrorCase("a = 0xG", 1, 7, "expected a hexadecimal digit after 0x, found 'G'"),
        SyntaxErrorCase("a = 0o8", 1, 7, "expected an octal digit after 0o, found '8'"),
        SyntaxErrorCase("a = 0b102", 1, 9, "unexpected '2' after the integer"),
        SyntaxErrorCase("a = +0x1", 1, 5, "a sign is not allowed before a hexadecimal, octal or binary integer"),
        SyntaxErrorCase("a = -0b1", 1, 5, "a sign is not allowed before a hexadecimal, octal or binary integer"),
        SyntaxErrorCase("a = 1__0", 1, 6, "an underscore in a number must stand between two digits"),
        SyntaxErrorCase("a = 1_", 1, 6, "an underscore in a number must stand between two digits"),
        SyntaxErrorCase("a = _1", 1, 5, "invalid value: strings must be written in quotes"),
        SyntaxErrorCase("a = 0_1", 1, 8, "leading zeros are not allowed in numbers"),
        SyntaxErrorCase("a = -01", 1, 8, "leading zeros are not allowed in numbers"),
        SyntaxErrorCase("a = 01.5", 1, 9, "leading zeros are not allowed in numbers"),
        SyntaxErrorCase("a = 1.", 1, 7, "expected a digit after the decimal point, found the end of the file"),
        SyntaxErrorCase("a = 1.e3", 1, 7, "expected a digit after the decimal point, found 'e'"),
        SyntaxErrorCase("a = 1e", 1, 7, "expected a digit in the exponent, found the end of the file"),
        SyntaxErrorCase("a = 1e+", 1, 8, "expected a digit in the exponent, found the end of the file"),
        SyntaxErrorCase("a = 1.5.5", 1, 8, "unexpected '.' after the floating-point number"),
        SyntaxErrorCase("a = 1e3.5", 1, 8, "unexpected '.' after the floating-point number"),
        SyntaxErrorCase(
            "a = 9223372036854775808", 1, 24,
            "integer 9223372036854775808 is out of range (it does not fit in 64 bits)"
        ),
        SyntaxErrorCase(
            "a = -9223372036854775809", 1, 25,
            "integer -9223372036854775809 is out of range (it does not fit in 64 bits)"
        ),
        SyntaxErrorCase(
            "a = 0x8000000000000000", 1, 23,
            "integer 0x8000000000000000 is out of range (it does not fit in 64 bits)"
        ),
        SyntaxErrorCase("a = 1e309", 1, 10, "floating-point number 1e309 is out of range"),
        SyntaxErrorCase("a = -", 1, 6, "expected a digit after the sign, found the end of the file"),
        SyntaxErrorCase("a = +x", 1, 6, "expected a digit after the sign, found 'x'"),
        SyntaxErrorCase("a = infinity", 1, 5, "invalid value: strings must be written in quotes"),
        SyntaxErrorCase("a = -inf_", 1, 9, "unexpected '_' after the floating-point number"),
        SyntaxErrorCase("a = nan1", 1, 5, "invalid value: strings must be written in quotes"),
        SyntaxErrorCase("a = 12abc", 1, 7, "unexpected 'a' after the integer"),
        SyntaxErrorCase("a = .5", 1, 5, "expected value, found '.'"),
    ]

    static let dateTimeCases: [SyntaxErrorCase] = [
        SyntaxErrorCase("a = 1979-02-29", 1, 15, "expected day between 1 and 28 (inclusive), found 29"),
        SyntaxErrorCase("a = 2000-02-30", 1, 15, "expected day between 1 and 29 (inclusive), found 30"),
        SyntaxErrorCase("a = 1979-04-31", 1, 15, "expected day between 1 and 30 (inclusive), found 31"),
        SyntaxErrorCase("a = 1979-00-10", 1, 12, "expected month between 1 and 12 (inclusive), found 0"),
        SyntaxErrorCase("a = 1979-01-00", 1, 15, "expected day between 1 and 31 (inclusive), found 0"),
        SyntaxErrorCase("a = 1979-5-27", 1, 11, "invalid date: expected YYYY-MM-DD, found '-'"),
        SyntaxErrorCase("a = 1979-05-2x", 1, 14, "invalid date: expected YYYY-MM-DD, found 'x'"),
        SyntaxErrorCase(
            "a = 1979-05-27T", 1, 16,
            "expected a time (HH:MM:SS) after the date, found the end of the file"
        ),
        SyntaxErrorCase("a = 1979-05-27T7:32:00", 1, 16, "incomplete time after the date: expected HH:MM:SS"),
        SyntaxErrorCase("a = 1979-05-27 07:32", 1, 16, "incomplete time after the date: expected HH:MM:SS"),
        SyntaxErrorCase("a = 1979-05-27T24:00:00", 1, 18, "expected hour between 0 and 23 (inclusive), found 24"),
        SyntaxErrorCase("a = 1979-05-27T23:60:00", 1, 21, "expected minute between 0 and 59 (inclusive), found 60"),
        SyntaxErrorCase("a = 1979-05-27T23:59:60", 1, 24, "expected second between 0 and 59 (inclusive), found 60"),
        SyntaxErrorCase(
            "a = 1979-05-27T07:32:00.", 1, 25,
            "expected digits after the decimal point of the seconds, found the end of the file"
        ),
        SyntaxErrorCase(
            "a = 1979-05-27T07:32:00+7:00", 1, 26,
            "invalid time offset: expected +HH:MM or -HH:MM, found ':'"
        ),
        SyntaxErrorCase(
            "a = 1979-05-27T07:32:00+24:00", 1, 27,
            "expected offset hour between 0 and 23 (inclusive), found 24"
        ),
        SyntaxErrorCase(
            "a = 1979-05-27T07:32:00-05:60", 1, 30,
            "expected offset minute between 0 and 59 (inclusive), found 60"
        ),
        SyntaxErrorCase("a = 1979-05-27T07:32:00Zx", 1, 25, "unexpected 'x' after the date-time"),
        SyntaxErrorCase("a = 07:32", 1, 5, "incomplete time: expected HH:MM:SS"),
        SyntaxErrorCase("a = 07:32:00Z", 1, 13, "unexpected 'Z' after the date-time"),
        SyntaxErrorCase("a = 07:3a:00", 1, 9, "invalid time: expected HH:MM:SS, found 'a'"),
        SyntaxErrorCase("a = 25:00:00", 1, 7, "expected hour between 0 and 23 (inclusive), found 25"),
    ]

    static let structureCases: [SyntaxErrorCase] = [
        SyntaxErrorCase("= 1", 1, 1, "unexpected '=': a line must start with a key, a [table] header or a comment"),
        SyntaxErrorCase(". = 1", 1, 1, "unexpected '.': a line must start with a key, a [table] header or a comment"),
        SyntaxErrorCase("a", 1, 2, "expected '=' after the key 'a', found the end of the file"),
        SyntaxErrorCase("a b = 1", 1, 3, "expected '=' after the key 'a', found 'b'"),
        SyntaxErrorCase("a. = 1", 1, 4, "expected a key after the dot, found '='"),
        SyntaxErrorCase("a..b = 1", 1, 3, "expected a key after the dot, found '.'"),
        SyntaxErrorCase("a = ", 1, 5, "expected value, found the end of the file"),
        SyntaxErrorCase("a = # comment", 1, 5, "expected value, found '#'"),
        SyntaxErrorCase("a = ,", 1, 5, "expected value, found ','"),
        SyntaxErrorCase("a = ]", 1, 5, "expected value, found ']'"),
        SyntaxErrorCase("a = }", 1, 5, "expected value, found '}'"),
        SyntaxErrorCase(
            "a = 1 b = 2", 1, 7,
            "unexpected 'b' after the value: only a comment may follow it on the line"
        ),
        SyntaxErrorCase("a = 1,", 1, 6, "unexpected ',' after the value: only a comment may follow it on the line"),
        SyntaxErrorCase(
            "[a] b = 1", 1, 5,
            "unexpected 'b' after the table header: only a comment may follow it on the line"
        ),
        SyntaxErrorCase(
            "[a]]", 1, 4,
            "unexpected ']' after the table header: only a comment may follow it on the line"
        ),
        SyntaxErrorCase("[a", 1, 3, "expected ']', found the end of the file"),
        SyntaxErrorCase("[[a]", 1, 5, "expected ']]', found the end of the file"),
        SyntaxErrorCase("[[a] ]", 1, 5, "expected ']]', found ' '"),
        SyntaxErrorCase("[ [a] ]", 1, 3, "a table header must start with a key, found '['"),
        SyntaxErrorCase("[]", 1, 2, "a table header must start with a key, found ']'"),
        SyntaxErrorCase("[a.]", 1, 4, "expected a key after the dot, found ']'"),
        SyntaxErrorCase("[a b]", 1, 4, "expected ']', found 'b'"),
        SyntaxErrorCase("a = [1 2]", 1, 8, "expected ',' or ']' after an array element, found '2'"),
        SyntaxErrorCase("a = [1,,2]", 1, 8, "expected a value or ']' in the array, found ','"),
        SyntaxErrorCase("a = [,]", 1, 6, "expected a value or ']' in the array, found ','"),
        SyntaxErrorCase("a = [", 1, 6, "unterminated array: the file ends before its closing ]"),
        SyntaxErrorCase("a = [\n1,\n", 2, 4, "unterminated array: the file ends before its closing ]"),
        SyntaxErrorCase("a = {", 1, 6, "unterminated inline table: the file ends before its closing }"),
        SyntaxErrorCase("a = { b = 1", 1, 12, "unterminated inline table: the file ends before its closing }"),
        SyntaxErrorCase("a = { b = 1\n}", 1, 12, "unterminated inline table: no closing } before the end of the line"),
        SyntaxErrorCase("a = {,}", 1, 6, "expected a key, found ','"),
        SyntaxErrorCase("a = { b = 1,, }", 1, 13, "expected a key, found ','"),
        SyntaxErrorCase("a = { b }", 1, 9, "expected '=' after the key 'b', found '}'"),
        SyntaxErrorCase("a = { b = 1 c = 2 }", 1, 13, "expected ',' or '}' after the value of 'b', found 'c'"),
        SyntaxErrorCase("a = { b = 1 # c\n}", 1, 13, "expected ',' or '}' after the value of 'b', found '#'"),
        SyntaxErrorCase("a = { b = }", 1, 11, "expected value, found '}'"),
        SyntaxErrorCase(
            "a = 1\rb = 2", 1, 6,
            "a carriage return (U+000D) must be followed by a line feed: lines end with LF or CRLF"
        ),
        SyntaxErrorCase("# comment\u{1}", 1, 10, "control character U+0001 is not allowed in a comment"),
        SyntaxErrorCase("a = 1 # \u{7F}", 1, 9, "control character U+007F is not allowed in a comment"),
        SyntaxErrorCase("\u{0}", 1, 1, "a NUL character (U+0000) is not allowed in TOML"),
        SyntaxErrorCase("a = \"\u{0}\"", 1, 6, "a NUL character (U+0000) is not allowed in TOML"),
        SyntaxErrorCase(
            "a = 1\n\u{A0}b = 2", 2, 1,
            "unexpected '\u{A0}': a line must start with a key, a [table] header or a comment"
        ),
        SyntaxErrorCase(
            "\u{FEFF}a = 1\n\u{FEFF}", 2, 1,
            "unexpected a byte order mark (U+FEFF): a line must start with a key, a [table] header or a comment"
        ),
        SyntaxErrorCase("a = yes", 1, 5, "invalid value: strings must be written in quotes"),
        SyntaxErrorCase("a = True", 1, 5, "invalid value: strings must be written in quotes"),
        SyntaxErrorCase("a = falsey", 1, 10, "unexpected 'y' after the boolean"),
        SyntaxErrorCase("a = @", 1, 5, "expected value, found '@'"),
        SyntaxErrorCase("a = é", 1, 5, "expected value, found 'é'"),
    ]

    static let redefinitionCases: [SyntaxErrorCase] = [
        SyntaxErrorCase("a = 1\na = 2", 2, 5, "duplicate key 'a': it is already defined as an integer"),
        SyntaxErrorCase("a.b = 1\na.b = 2", 2, 7, "duplicate key 'a.b': it is already defined as an integer"),
        SyntaxErrorCase("a = 1\na.b = 2", 2, 1, "'a' is already defined as an integer, it cannot also be a table"),
        SyntaxErrorCase(
            "a.b = 1\na.b.c = 2", 2, 3,
            "'a.b' is already defined as an integer, it cannot also be a table"
        ),
        SyntaxErrorCase(
            "a = { b = 1 }\na.c = 2", 2, 1,
            "'a' is already defined as an inline table, which cannot be extended"
        ),
        SyntaxErrorCase("a = { b = 1, b = 2 }", 1, 18, "duplicate key 'b': it is already defined as an integer"),
        SyntaxErrorCase("a = { b.c = 1, b = 2 }", 1, 20, "duplicate key 'b': it is already defined as a table"),
        SyntaxErrorCase(
            "a = { b = {}, b.c = 1 }", 1, 15,
            "'b' is already defined as an inline table, which cannot be extended"
        ),
        SyntaxErrorCase("[a]\n[a]", 2, 1, "table [a] is defined twice"),
        SyntaxErrorCase("[a]\nb = 1\n[a.b]", 3, 1, "'a.b' is already defined as an integer, it cannot also be a table"),
        SyntaxErrorCase("a.b = 1\n[a]", 2, 1, "table [a] is defined twice"),
        SyntaxErrorCase("a.b.c = 1\n[a.b]", 2, 1, "table [a.b] is defined twice"),
        SyntaxErrorCase("[a]\nb.c = 1\n[a.b]", 3, 1, "table [a.b] is defined twice"),
        SyntaxErrorCase(
            "[a.b]\n[a]\nb.c = 1", 3, 1,
            "'b' is a table defined by its own [header], which dotted keys cannot extend"
        ),
        SyntaxErrorCase("a = 1\n[a]", 2, 1, "'a' is already defined as an integer, it cannot also be a table"),
        SyntaxErrorCase("a = 1\n[a.b]", 2, 1, "'a' is already defined as an integer, it cannot also be a table"),
        SyntaxErrorCase("a = {}\n[a]", 2, 1, "'a' is already defined as an inline table, which cannot be extended"),
        SyntaxErrorCase(
            "a = { b = {} }\n[a.b.c]", 2, 1,
            "'a' is already defined as an inline table, which cannot be extended"
        ),
        SyntaxErrorCase(
            "a = []\n[[a]]", 2, 1,
            "'a' is already defined as an array, it cannot also be an array of tables"
        ),
        SyntaxErrorCase("a = [{}]\n[a.b]", 2, 1, "'a' is already defined as an array, it cannot also be a table"),
        SyntaxErrorCase("[a]\n[[a]]", 2, 1, "'a' is already defined as a table, it cannot also be an array of tables"),
        SyntaxErrorCase("[[a]]\n[a]", 2, 1, "'a' is already defined as an array of tables, it cannot also be a table"),
        SyntaxErrorCase(
            "[[a.b]]\n[a]\nb.c = 1", 3, 1,
            "'b' is already defined as an array of tables, it cannot also be a table"
        ),
        SyntaxErrorCase(
            "[a]\nb = 1\n[[a.b]]", 3, 1,
            "'a.b' is already defined as an integer, it cannot also be an array of tables"
        ),
        SyntaxErrorCase("[[a]]\nb = 1\nb = 2", 3, 5, "duplicate key 'b': it is already defined as an integer"),
        SyntaxErrorCase("[x.\"y z\"]\n[x.'y z']", 2, 1, "table [x.\"y z\"] is defined twice"),
    ]

    @Test(arguments: stringCases + numberCases + dateTimeCases + structureCases)
    func rejectsMalformedText(_ errorCase: SyntaxErrorCase) {
        #expect(syntaxError(Array(errorCase.text.utf8), TOMLDocumentParser.parse) == errorCase.expected)
    }

    /// Keys and tables defined twice, or extended where TOML does not allow it, are reported at the value
    /// (a key defined twice), at the dotted key's part (a value in the way) or at the header's bracket.
    @Test(arguments: redefinitionCases)
    func rejectsRedefinitions(_ errorCase: SyntaxErrorCase) {
        #expect(syntaxError(Array(errorCase.text.utf8), TOMLDocumentParser.parse) == errorCase.expected)
    }

    @Test func nestingTablesTooDeeplyIsAnError() {
        let depth = TOMLDocumentParser.maximumDepth
        let deep = (0...depth).map { "k\($0)" }.joined(separator: ".")
        let fits = (1...depth).map { "k\($0)" }.joined(separator: ".")
        #expect(syntaxError(Array("[\(deep)]\n".utf8), TOMLDocumentParser.parse)?.message
            == "nesting too deep: more than \(depth) levels of tables")
        #expect(syntaxError(Array("\(deep) = 1\n".utf8), TOMLDocumentParser.parse)?.message
            == "nesting too deep: more than \(depth) levels of tables")
        #expect(syntaxError(Array("\(fits) = 1\n".utf8), TOMLDocumentParser.parse) == nil)
    }

    @Test func errorsAtTheEndOfTheFileStandAfterItsLastCharacter() {
        for (text, line, column) in [
            ("a = [", 1, 6), ("a = [\n", 1, 7), ("a = [\r\n1,\r\n", 2, 5), ("a = \"x", 1, 7), ("a = \"é", 1, 7),
            ("\u{FEFF}a = [", 1, 6), ("\u{FEFF}a", 1, 2),
        ] {
            #expect(syntaxError(Array(text.utf8), TOMLDocumentParser.parse)?.position == SourcePosition(line: line, column: column))
        }
    }
}
