extension TOMLReader {
    /// Decodes the escape whose backslash is at `index` in a basic string into `buffer` and returns the
    /// offset after it: `\b \t \n \f \r \" \\`, `\uXXXX` and `\UXXXXXXXX` (a Unicode scalar, not a surrogate).
    mutating func readEscape(at index: Int, into buffer: inout [UInt8]) throws(SyntaxError) -> Int {
        let letterOffset = index + 1
        guard let letter = byte(at: letterOffset) else {
            throw error(at: letterOffset, "unterminated string: the file ends before the closing quote")
        }
        let simple: UInt8
        switch letter {
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digitCount = letter == UInt8(ascii: "u") ? 4 : 8
            let scalar = try readUnicodeEscape(digitsAt: letterOffset + 1, count: digitCount)
            UTF8.encode(scalar) { buffer.append($0) }
            return letterOffset + 1 + digitCount
        default:
            guard let escaped = UTF8Text.scalar(in: bytes, at: letterOffset),
                escaped.value >= 0x20, escaped.value != 0x7F
            else {
                throw error(at: letterOffset, "unknown escape sequence: a backslash followed by \(describe(at: letterOffset))")
            }
            throw error(at: letterOffset, "unknown escape sequence '\\\(Character(escaped))'")
        }
        buffer.append(simple)
        return letterOffset + 1
    }

    /// The scalar written by the `count` hexadecimal digits at `start`.
    private mutating func readUnicodeEscape(digitsAt start: Int, count: Int) throws(SyntaxError) -> Unicode.Scalar {
        var value: UInt32 = 0
        for digitOffset in start..<(start + count) {
            guard let byte = byte(at: digitOffset), let digit = TOMLReader.hexValue(byte) else {
                throw error(
                    at: digitOffset,
                    "expected a hexadecimal digit in the \\\(count == 4 ? "u" : "U") escape, found \(describe(at: digitOffset))"
                )
            }
            value = value << 4 | UInt32(digit)
        }
        let end = start + count
        if (0xD800...0xDFFF).contains(value) {
            throw error(at: end, "unicode surrogates (U+D800 - U+DFFF) are not allowed")
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error(at: end, "unicode values greater than U+10FFFF are not allowed")
        }
        return scalar
    }

    /// The value of a hexadecimal digit (either case), or nil for any other byte.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
