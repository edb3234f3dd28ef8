/// A cursor over the bytes of a JSON file: where the parser stands, whitespace skipping, and errors placed
/// at exact positions.
///
/// The bytes are known to be valid UTF-8 before reading starts, so the reader works on bytes and never
/// decodes characters except to name one in an error message.
struct JSONReader: UTF8TextReader {
    let bytes: [UInt8]
    var offset: Int
    var counter: TextPositionCounter

    /// Moves past spaces, tabs and line breaks, the only whitespace RFC 8259 allows.
    mutating func skipWhitespace() {
        let count = bytes.count
        while offset < count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    /// A syntax error at the byte at `offset`.
    mutating func error(at offset: Int, _ message: String) -> SyntaxError {
        SyntaxError(position: position(at: offset), message: message)
    }

    /// Whether `byte` may continue a bare word such as `true` or a mistyped `yes`.
    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }
}
