/// Writes a string as a JSON string literal, for the few places that write JSON by hand because they must be
/// fast or dependency-free (the daemon's JSON log lines, the override store).
public enum JSONStringLiteral {
    /// `text` in double quotes, with `"`, `\` and the control characters escaped, as Foundation's JSONEncoder
    /// escapes them: the short escapes `\b \t \n \f \r` where JSON has one, `\u00XX` (lowercase hex) for the
    /// rest. `/` is left as it is, as are DEL and every non-ASCII character.
    public static func quoted(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscape) else { return "\"" + text + "\"" }
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            guard needsEscape(byte) else {
                bytes.append(byte)
                continue
            }
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            default: bytes += Array("u00".utf8) + [hexDigit(byte >> 4), hexDigit(byte & 0xF)]
            }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a byte of UTF-8 text must be escaped: `"`, `\` and the control characters (no byte of a
    /// multi-byte character is below 0x80, so those pass through whole).
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
