import Testing
@testable import TendCore

/// One input that must be rejected, with the exact position and message expected.
struct SyntaxErrorCase: Sendable, CustomTestStringConvertible {
    let text: String
    let line: Int
    let column: Int
    let message: String

    init(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        self.text = text
        self.line = line
        self.column = column
        self.message = message
    }

    var expected: SyntaxError {
        SyntaxError(position: SourcePosition(line: line, column: column), message: message)
    }

    var testDescription: String {
        text.prefix(40).unicodeScalars.map { scalar in
            scalar == "\n" ? "⏎" : scalar.value < 0x20 || scalar.value == 0x7F ? "\\u{\(scalar.value)}" : String(scalar)
        }.joined()
    }
}

/// One path and where its key and value must be found.
struct ExpectedPosition: Sendable {
    let path: ConfigPath
    let key: SourcePosition?
    let value: SourcePosition?

    init(_ path: ConfigPath, key: (Int, Int)?, value: (Int, Int)?) {
        self.path = path
        self.key = key.map { SourcePosition(line: $0.0, column: $0.1) }
        self.value = value.map { SourcePosition(line: $0.0, column: $0.1) }
    }
}

/// The error `parse` throws for `bytes`, or nil when it accepts them.
func syntaxError(
    _ bytes: [UInt8],
    _ parse: ([UInt8]) throws(SyntaxError) -> ParsedDocument
) -> SyntaxError? {
    do {
        _ = try parse(bytes)
        return nil
    } catch {
        return error
    }
}
