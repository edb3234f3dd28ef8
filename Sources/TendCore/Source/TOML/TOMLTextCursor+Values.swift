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

    /// Where the time of a date-time at the cursor breaks off in a way toml++ 3.4 asserts on instead of
    /// reporting: `1979-05-27T` without a digit after it, or `1979-05-27 0` ending after one digit.
    ///
    /// toml++ skips underscores and looks only at the shape `????-??-??`, so this does too: valid TOML never
    /// matches, so the check can only change which error an invalid file gets.
    var brokenTimeAfterDate: Int? {
        var characters: [(byte: UInt8, offset: Int)] = []
        var index = offset
        while index < bytes.count, characters.count < 12 {
            let byte = bytes[index]
            if TOMLTextCursor.isValueEnd(byte) { break }
            if byte != UInt8(ascii: "_") { characters.append((byte, index)) }
            index += 1
        }
        guard characters.count >= 10, characters[4].byte == UInt8(ascii: "-"), characters[7].byte == UInt8(ascii: "-")
        else { return nil }
        if characters.count >= 11, characters[10].byte | 0x20 == UInt8(ascii: "t") {
            let afterSeparator = characters[10].offset + 1
            let digitFollows = afterSeparator < bytes.count && TOMLTextCursor.isDigit(bytes[afterSeparator])
            return digitFollows ? nil : afterSeparator
        }
        let first = index + 1
        guard characters.count == 10, index < bytes.count, bytes[index] == 0x20, first + 1 < bytes.count,
            TOMLTextCursor.isDigit(bytes[first])
        else { return nil }
        let next = bytes[first + 1]
        let continuesTime = TOMLTextCursor.isBareKeyByte(next) || next == UInt8(ascii: ":")
            || next == UInt8(ascii: ".") || next == UInt8(ascii: "+")
        return continuesTime ? nil : first
    }

    private mutating func skipBareToken() {
        while let byte = current, !TOMLTextCursor.isValueEnd(byte) { offset += 1 }
    }

    /// Whether `byte` ends a bare value: whitespace, a separator, a closing bracket or a comment.
    private static func isValueEnd(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "#"):
            return true
        default:
            return false
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
