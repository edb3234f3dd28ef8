/// A cursor over the bytes of a JSON file: where the parser stands, whitespace skipping, and errors placed
/// at exact positions.
///
/// The bytes are known to be valid UTF-8 before reading starts, so the reader works on bytes and never
/// decodes characters except to name one in an error message.
struct JSONReader {
    /// The whole file.
    let bytes: [UInt8]
    /// The offset of the next byte to read.
    var offset: Int
    private var counter: TextPositionCounter

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.offset = UTF8Text.byteOrderMarkLength(of: bytes)
        self.counter = TextPositionCounter(bytes: bytes)
    }

    /// The byte at the cursor, or nil at the end of the file.
    var current: UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

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

    /// The line and column of the byte at `offset`.
    mutating func position(at offset: Int) -> SourcePosition {
        counter.position(at: offset)
    }

    /// A syntax error at the byte at `offset`.
    mutating func error(at offset: Int, _ message: String) -> SyntaxError {
        SyntaxError(position: position(at: offset), message: message)
    }

    /// The character at `offset` as a message names it (`'x'`, "the end of the file").
    func describe(at offset: Int) -> String {
        CharacterWording.describe(in: bytes, at: offset)
    }

    /// Whether `byte` is an ASCII digit.
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
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
