/// Writes a string as a JSON string literal, for the few places that write JSON by hand because they must be
/// fast or dependency-free (the daemon's JSON log lines, the override store).
public enum JSONStringLiteral {
    /// `text` in double quotes, with `"`, `\` and the control characters escaped, as Foundation's JSONEncoder
    /// escapes them: the short escapes `\b \t \n \f \r` where JSON has one, `\u00XX` (lowercase hex) for the
    /// rest. `/` is left as it is, as are DEL and every non-ASCII character.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
