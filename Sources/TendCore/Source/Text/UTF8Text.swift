/// Facts about raw file bytes read as UTF-8 text, shared by both parsers.
enum UTF8Text {
    /// The length of a UTF-8 byte order mark at the start of `bytes` (3), or 0 when there is none.
    ///
    /// Both syntaxes accept and skip the mark, which some editors write: RFC 8259 lets a parser ignore it.
    static func byteOrderMarkLength(of bytes: [UInt8]) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence, or nil when all of
    /// `bytes` is valid UTF-8.
    ///
    /// Overlong forms, surrogates (U+D800 to U+DFFF) and values above U+10FFFF are ill-formed. The offset
    /// named is the first byte of the bad sequence, so a Latin-1 `é` (0xE9) is reported as itself.
    static func firstInvalidByteOffset(in bytes: [UInt8]) -> Int? {
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondRange = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; secondRange = 0x80...0x9F
            case 0xF0: length = 4; secondRange = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondRange = 0x80...0x8F
            default: return index
            }
            guard index + length <= count, secondRange.contains(bytes[index + 1]) else { return index }
            for continuation in (index + 2)..<(index + length) where bytes[continuation] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }

    /// The Unicode scalar that starts at `offset` in valid UTF-8 `bytes`, or nil at the end of the text.
    static func scalar(in bytes: [UInt8], at offset: Int) -> Unicode.Scalar? {
        guard offset < bytes.count else { return nil }
        let lead = bytes[offset]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var decoder = UTF8()
        var iterator = bytes[offset..<min(offset + length, bytes.count)].makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }
}
