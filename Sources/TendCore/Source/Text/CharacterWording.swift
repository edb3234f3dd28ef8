/// How error messages name a character the reader did not expect: `'x'`, "the end of the line",
/// "control character U+0007", so that invisible characters are never printed raw.
enum CharacterWording {
    /// A short phrase naming `scalar`, fit to follow "found" or "unexpected".
    static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0A, 0x0D: return "the end of the line"
        case 0x00: return "a NUL character (U+0000)"
        case 0x09: return "a tab"
        case 0x01...0x1F, 0x7F, 0x80...0x9F: return "control character \(hexCode(scalar))"
        case 0x2028, 0x2029: return "a Unicode line separator (\(hexCode(scalar)))"
        case 0xFEFF: return "a byte order mark (U+FEFF)"
        default: return "'\(Character(scalar))'"
        }
    }

    /// The character at `offset` in valid UTF-8 `bytes`, described; "the end of the file" past the end.
    static func describe(in bytes: [UInt8], at offset: Int) -> String {
        guard let scalar = UTF8Text.scalar(in: bytes, at: offset) else { return "the end of the file" }
        return describe(scalar)
    }

    /// The scalar written as `U+XXXX` (at least four upper-case hex digits).
    static func hexCode(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A byte written as `0xff`, as the invalid-UTF-8 message names it.
    static func hexByte(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return "0x" + (digits.count == 1 ? "0" : "") + digits
    }
}
