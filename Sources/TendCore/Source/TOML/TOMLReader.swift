/// A cursor over the bytes of a TOML file: where the parser stands, the whitespace, comments and line ends
/// between tokens, and errors placed at exact positions.
///
/// The bytes are known to be valid UTF-8 before reading starts, so the reader works on bytes and decodes a
/// character only to name it in an error message.
struct TOMLReader: UTF8TextReader {
    let bytes: [UInt8]
    var offset: Int
    var counter: TextPositionCounter

    /// Whether `word` (ASCII) is written at the cursor.
    func startsWord(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return (0..<count).allSatisfy { bytes[offset + $0] == word.utf8Start[$0] }
    }

    /// Whether `word` (ASCII) is written at the cursor as a whole word, no key character after it.
    func isWord(_ word: StaticString) -> Bool {
        guard startsWord(word) else { return false }
        return byte(at: offset + word.utf8CodeUnitCount).map(TOMLReader.isBareKeyByte) != true
    }

    /// Moves past spaces and tabs, the only whitespace allowed within a line.
    mutating func skipSpaces() {
        let count = bytes.count
        while offset < count, bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
    }

    /// Moves past spaces, tabs, line ends and comments, as may stand between the elements of an array.
    mutating func skipBlankLines() throws(SyntaxError) {
        while let byte = current {
            switch byte {
            case 0x20, 0x09: offset += 1
            case 0x0A, 0x0D: try readLineEnd()
            case UInt8(ascii: "#"): try skipComment()
            default: return
            }
        }
    }

    /// Whether the cursor stands at a line end (LF, or CR which must start a CRLF) or at the end of the file.
    var isAtLineEnd: Bool {
        guard let byte = current else { return true }
        return byte == 0x0A || byte == 0x0D
    }

    /// Moves past the LF or CRLF at the cursor; a CR alone is an error.
    mutating func readLineEnd() throws(SyntaxError) {
        if bytes[offset] == 0x0D {
            guard byte(at: offset + 1) == 0x0A else { throw loneCarriageReturn(at: offset) }
            offset += 1
        }
        offset += 1
    }

    /// Moves past the comment starting at the cursor (if any), up to its line end; a comment may hold any
    /// character but the control characters other than tab.
    mutating func skipComment() throws(SyntaxError) {
        guard current == UInt8(ascii: "#") else { return }
        offset += 1
        let count = bytes.count
        while offset < count {
            let byte = bytes[offset]
            if byte >= 0x20 && byte != 0x7F || byte == 0x09 {
                offset += 1
            } else if byte == 0x0A || byte == 0x0D && self.byte(at: offset + 1) == 0x0A {
                return
            } else if byte == 0x0D {
                throw loneCarriageReturn(at: offset)
            } else {
                throw error(at: offset, "\(describe(at: offset)) is not allowed in a comment")
            }
        }
    }

    /// Moves past spaces, tabs and a comment, then the line end; anything else left on the line is an error
    /// saying what it follows (`the value`, `the table header`).
    mutating func finishLine(after what: String) throws(SyntaxError) {
        skipSpaces()
        try skipComment()
        guard let byte = current else { return }
        guard byte == 0x0A || byte == 0x0D else {
            throw error(
                at: offset, "unexpected \(describe(at: offset)) after \(what): only a comment may follow it on the line"
            )
        }
        try readLineEnd()
    }

    /// A syntax error at the byte at `offset`. Any error found at a NUL byte is about the NUL, which TOML
    /// allows nowhere. An error at the end of the file is placed just after its last character, on the
    /// last line even when the file ends with a line break: on the line left unfinished, not after it.
    mutating func error(at offset: Int, _ message: String) -> SyntaxError {
        guard offset < bytes.count else {
            guard bytes.last == 0x0A else { return SyntaxError(position: position(at: bytes.count), message: message) }
            let lineEnd = position(at: bytes.count - 1)
            return SyntaxError(position: SourcePosition(line: lineEnd.line, column: lineEnd.column + 1), message: message)
        }
        let isNUL = bytes[offset] == 0
        return SyntaxError(
            position: position(at: offset), message: isNUL ? "a NUL character (U+0000) is not allowed in TOML" : message
        )
    }

    /// The error for a carriage return that does not start a CRLF line end.
    mutating func loneCarriageReturn(at offset: Int) -> SyntaxError {
        error(at: offset, "a carriage return (U+000D) must be followed by a line feed: lines end with LF or CRLF")
    }

    /// The text of `bytes[range]`, which holds whole UTF-8 sequences.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Whether `byte` may appear in a bare key (`A-Z a-z 0-9 _ -`).
    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
