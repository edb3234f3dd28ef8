extension TOMLReader {
    /// Reads the string whose opening quote is at the cursor: basic (`"`) or literal (`'`), on one line or
    /// multi-line (`"""`, `'''`); leaves the cursor after the closing quotes.
    mutating func readString() throws(SyntaxError) -> String {
        let quote = bytes[offset]
        let isMultiLine = byte(at: offset + 1) == quote && byte(at: offset + 2) == quote
        return try readQuoted(isMultiLine: isMultiLine)
    }

    /// Reads a one-line string, `"basic"` with escapes or `'literal'` without, as keys are written.
    mutating func readSingleLineString() throws(SyntaxError) -> String {
        try readQuoted(isMultiLine: false)
    }

    /// Reads a string of either quote. A string that is all plain text is decoded straight from the file's
    /// bytes; escapes and line ends fall back to a buffer. In a multi-line string, a line end right after
    /// the opening quotes is not part of it, CRLF becomes LF, and up to two quotes may stand just before
    /// the closing three.
    private mutating func readQuoted(isMultiLine: Bool) throws(SyntaxError) -> String {
        let quote = bytes[offset]
        let escapes = quote == UInt8(ascii: "\"")
        let count = bytes.count
        offset += isMultiLine ? 3 : 1
        if isMultiLine && (current == 0x0A || current == 0x0D) { try readLineEnd() }
        let start = offset
        var index = start
        while index < count, bytes[index] != quote, !(escapes && bytes[index] == UInt8(ascii: "\\")),
            !TOMLReader.isControl(bytes[index])
        {
            index += 1
        }
        if !isMultiLine && index < count && bytes[index] == quote {
            offset = index + 1
            return text(start..<index)
        }
        var buffer = Array(bytes[start..<index])
        while index < count {
            let byte = bytes[index]
            if byte == quote {
                var run = 1
                while isMultiLine && run < 5 && index + run < count && bytes[index + run] == quote { run += 1 }
                if !isMultiLine || run >= 3 {
                    buffer.append(contentsOf: repeatElement(quote, count: isMultiLine ? run - 3 : 0))
                    offset = index + run
                    return String(decoding: buffer, as: UTF8.self)
                }
                buffer.append(contentsOf: repeatElement(quote, count: run))
                index += run
            } else if byte == UInt8(ascii: "\\") && escapes {
                index = isMultiLine
                    ? try readEscapeOrLineContinuation(at: index, into: &buffer)
                    : try readEscape(at: index, into: &buffer)
            } else if byte == 0x0A || byte == 0x0D {
                guard isMultiLine else {
                    throw error(at: index, "unterminated string: no closing quote before the end of the line")
                }
                offset = index
                try readLineEnd()
                buffer.append(0x0A)
                index = offset
            } else if TOMLReader.isControl(byte) {
                let what = describe(at: index)
                throw error(
                    at: index, escapes ? "\(what) must be escaped inside a string" : "\(what) is not allowed in a literal string"
                )
            } else {
                buffer.append(byte)
                index += 1
            }
        }
        throw error(at: count, "unterminated string: the file ends before the closing quote")
    }

    /// After a backslash in a multi-line basic string: a backslash ending its line (spaces may follow it)
    /// swallows the line end and all whitespace up to the next text; any other is an escape.
    private mutating func readEscapeOrLineContinuation(at index: Int, into buffer: inout [UInt8]) throws(SyntaxError) -> Int {
        var next = index + 1
        while let byte = byte(at: next), byte == 0x20 || byte == 0x09 { next += 1 }
        guard let byte = byte(at: next), byte == 0x0A || byte == 0x0D else {
            return try readEscape(at: index, into: &buffer)
        }
        offset = next
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            if byte == 0x0D { try readLineEnd() } else { offset += 1 }
        }
        return offset
    }

    /// Whether `byte` is a control character that TOML text may not hold as it is (tab, LF and CRLF are
    /// dealt with where they are allowed).
    static func isControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 || byte == 0x7F
    }
}
