/// A cursor over the bytes of a TOML file for the key locator: whitespace, comments and line ends.
///
/// The locator runs only on text TOMLKit accepted, but the cursor never reads out of bounds and always
/// moves forward, so unexpected text ends a scan early rather than crashing it.
struct TOMLTextCursor {
    /// The whole file.
    let bytes: [UInt8]
    /// The offset of the next byte to read.
    var offset: Int

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.offset = UTF8Text.byteOrderMarkLength(of: bytes)
    }

    var isAtEnd: Bool { offset >= bytes.count }

    /// The byte at the cursor, or nil at the end of the file.
    var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// The byte `distance` bytes after the cursor, or nil past the end of the file.
    func peek(_ distance: Int) -> UInt8? {
        offset + distance < bytes.count ? bytes[offset + distance] : nil
    }

    /// Whether the cursor stands at the start of `text` (ASCII).
    func hasPrefix(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return text.withUTF8Buffer { prefix in
            prefix.indices.allSatisfy { bytes[offset + $0] == prefix[$0] }
        }
    }

    /// Whether the cursor stands on U+0085, U+2028 or U+2029, which toml++ counts as line breaks in some
    /// places and not in others.
    var startsWithUnicodeLineSeparator: Bool {
        (current == 0xC2 && peek(1) == 0x85) || (current == 0xE2 && peek(1) == 0x80 && (peek(2) == 0xA8 || peek(2) == 0xA9))
    }

    /// Moves past spaces and tabs.
    mutating func skipSpaces() {
        while let byte = current, byte == 0x20 || byte == 0x09 { offset += 1 }
    }

    /// Moves past a comment that starts at the cursor, up to (not over) its line end.
    mutating func skipComment() {
        guard current == UInt8(ascii: "#") else { return }
        while let byte = current, byte != 0x0A { offset += 1 }
    }

    /// Moves past spaces, tabs, line ends (LF or CRLF) and comments, as found between array elements.
    mutating func skipBlankSpace() {
        while let byte = current {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            case UInt8(ascii: "#"): skipComment()
            default: return
            }
        }
    }

    /// Moves to the start of the next line, past whatever is left of this one.
    mutating func skipRestOfLine() {
        while let byte = current {
            offset += 1
            if byte == 0x0A { return }
        }
    }

    /// Whether `byte` may appear in a bare key (`A-Z a-z 0-9 _ -`).
    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
