extension TOMLTextCursor {
    /// Moves past the string at the cursor: basic or literal, one-line or multi-line.
    mutating func skipString() {
        guard let quote = current else { return }
        let escapes = quote == UInt8(ascii: "\"")
        let isMultiLine = peek(1) == quote && peek(2) == quote
        offset += isMultiLine ? 3 : 1
        while let byte = current {
            if escapes && byte == UInt8(ascii: "\\") {
                offset += 2
            } else if byte == quote {
                guard isMultiLine else {
                    offset += 1
                    return
                }
                // Up to two quotes may stand right before the closing `"""`, so the run ends the string.
                var run = 0
                while current == quote {
                    run += 1
                    offset += 1
                }
                if run >= 3 { return }
            } else if byte == 0x0A && !isMultiLine {
                return
            } else {
                offset += 1
            }
        }
        offset = min(offset, bytes.count)
    }

    /// Moves past a number, boolean, date or time at the cursor, including a date-time written with a
    /// space between date and time (`1979-05-27 07:32:00`).
    mutating func skipBareValue() {
        let start = offset
        skipBareToken()
        let token = bytes[start..<offset]
        if token.count == 10, token[start + 4] == UInt8(ascii: "-"), token[start + 7] == UInt8(ascii: "-"),
            current == 0x20, let hour = peek(1), TOMLTextCursor.isDigit(hour), peek(3) == UInt8(ascii: ":")
        {
            offset += 1
            skipBareToken()
        }
        if offset == start { offset += 1 }
    }

    private mutating func skipBareToken() {
        while let byte = current {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"),
                UInt8(ascii: "#"):
                return
            default:
                offset += 1
            }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
