extension JSONReader {
    /// Reads the string whose opening quote is at the cursor and leaves the cursor after its closing quote.
    ///
    /// A string without escapes is decoded straight from the file's bytes; escapes fall back to a buffer.
    mutating func readString() throws(SyntaxError) -> String {
        let opening = offset
        let start = offset + 1
        let count = bytes.count
        var index = start
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                offset = index + 1
                return String(decoding: bytes[start..<index], as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        var buffer = Array(bytes[start..<index])
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                offset = index + 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index = try readEscape(at: index, openingQuote: opening, into: &buffer)
            case 0x0A, 0x0D:
                throw error(at: opening, "unterminated string: no closing quote before the end of the line")
            case 0x00..<0x20:
                throw error(at: index, "\(describe(at: index)) must be escaped inside a string")
            default:
                buffer.append(byte)
                index += 1
            }
        }
        throw error(at: opening, "unterminated string: the file ends before the closing quote")
    }

    /// Decodes the escape whose backslash is at `index` into `buffer` and returns the offset after it.
    private mutating func readEscape(
        at index: Int,
        openingQuote: Int,
        into buffer: inout [UInt8]
    ) throws(SyntaxError) -> Int {
        guard index + 1 < bytes.count else {
            throw error(at: openingQuote, "unterminated string: the file ends before the closing quote")
        }
        let simple: UInt8
        switch bytes[index + 1] {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            let scalar = try readUnicodeEscape(at: index)
            UTF8.encode(scalar) { buffer.append($0) }
            return index + (scalar.value > 0xFFFF ? 12 : 6)
        default:
            let escaped = UTF8Text.scalar(in: bytes, at: index + 1)
            if let escaped, escaped.properties.generalCategory != .control {
                throw error(at: index, "invalid escape sequence \\\(Character(escaped)) in a string")
            }
            throw error(at: index, "invalid escape sequence: a backslash followed by \(describe(at: index + 1))")
        }
        buffer.append(simple)
        return index + 2
    }

    /// Reads `\uXXXX` at `index`, joining a UTF-16 surrogate pair written as two escapes.
    private mutating func readUnicodeEscape(at index: Int) throws(SyntaxError) -> Unicode.Scalar {
        let unit = try hexQuad(at: index)
        switch unit {
        case 0xD800...0xDBFF:
            let next = index + 6
            let followedByEscape = next + 1 < bytes.count
                && bytes[next] == UInt8(ascii: "\\") && bytes[next + 1] == UInt8(ascii: "u")
            let low: UInt32 = if followedByEscape { try hexQuad(at: next) } else { 0 }
            guard (0xDC00...0xDFFF).contains(low),
                let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            else {
                throw error(
                    at: index,
                    "lone surrogate \(escapeText(at: index)) in a string: a high surrogate must be followed by "
                        + "a low surrogate escape (\\uDC00 to \\uDFFF)"
                )
            }
            return scalar
        case 0xDC00...0xDFFF:
            throw error(
                at: index,
                "lone surrogate \(escapeText(at: index)) in a string: a low surrogate must follow "
                    + "a high surrogate escape (\\uD800 to \\uDBFF)"
            )
        default:
            // Every other 16-bit value is a scalar; the fallback is never taken.
            return Unicode.Scalar(unit) ?? "\u{FFFD}"
        }
    }

    /// The four hexadecimal digits after the `\u` at `index`, as a number.
    private mutating func hexQuad(at index: Int) throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for digitOffset in (index + 2)..<(index + 6) {
            guard digitOffset < bytes.count, let digit = JSONReader.hexValue(bytes[digitOffset]) else {
                throw error(at: index, "invalid escape sequence \\u: expected four hexadecimal digits")
            }
            value = value << 4 | digit
        }
        return value
    }

    /// The six characters of the `\uXXXX` escape at `index`, as written.
    private func escapeText(at index: Int) -> String {
        String(decoding: bytes[index..<min(index + 6, bytes.count)], as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
