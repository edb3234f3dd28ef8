/// One part of a (possibly dotted) TOML key and where it is written.
struct TOMLKeyPart {
    /// The key as TOML means it: quotes removed, escapes decoded.
    let name: String
    /// The offset of the key's first character (its opening quote, for a quoted key).
    let offset: Int
}

extension TOMLTextCursor {
    /// Reads a key such as `a`, `"my app"`, `'literal'` or `a . "b" . c` and the spaces around its dots;
    /// stops before whatever follows (`=` or `]`). Empty when no key stands at the cursor.
    mutating func readDottedKey() -> [TOMLKeyPart] {
        var parts: [TOMLKeyPart] = []
        while true {
            skipSpaces()
            guard let part = readSimpleKey() else { return parts }
            parts.append(part)
            skipSpaces()
            guard current == UInt8(ascii: ".") else { return parts }
            offset += 1
        }
    }

    private mutating func readSimpleKey() -> TOMLKeyPart? {
        let start = offset
        switch current {
        case UInt8(ascii: "\""):
            return TOMLKeyPart(name: readBasicStringContent(), offset: start)
        case UInt8(ascii: "'"):
            offset += 1
            let contentStart = offset
            while let byte = current, byte != UInt8(ascii: "'"), byte != 0x0A { offset += 1 }
            let name = String(decoding: bytes[contentStart..<offset], as: UTF8.self)
            if current == UInt8(ascii: "'") { offset += 1 }
            return TOMLKeyPart(name: name, offset: start)
        default:
            while let byte = current, TOMLTextCursor.isBareKeyByte(byte) { offset += 1 }
            guard offset > start else { return nil }
            return TOMLKeyPart(name: String(decoding: bytes[start..<offset], as: UTF8.self), offset: start)
        }
    }

    /// Reads a one-line basic string (`"..."`) at the cursor and returns its decoded content.
    private mutating func readBasicStringContent() -> String {
        offset += 1
        var content: [UInt8] = []
        while let byte = current, byte != UInt8(ascii: "\""), byte != 0x0A {
            if byte == UInt8(ascii: "\\") {
                decodeEscape(into: &content)
            } else {
                content.append(byte)
                offset += 1
            }
        }
        if current == UInt8(ascii: "\"") { offset += 1 }
        return String(decoding: content, as: UTF8.self)
    }

    /// Decodes the escape whose backslash is at the cursor (`\n`, `\u00e9`, `\U0001F600`, ...).
    private mutating func decodeEscape(into content: inout [UInt8]) {
        let letter = peek(1) ?? 0
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "b"): 0x08, UInt8(ascii: "t"): 0x09, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "f"): 0x0C,
            UInt8(ascii: "r"): 0x0D, UInt8(ascii: "e"): 0x1B, UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C,
        ]
        if let byte = simple[letter] {
            content.append(byte)
            offset += 2
            return
        }
        let digitCount: Int
        switch letter {
        case UInt8(ascii: "x"): digitCount = 2
        case UInt8(ascii: "u"): digitCount = 4
        case UInt8(ascii: "U"): digitCount = 8
        default:
            offset += letter == 0 ? 1 : 2
            return
        }
        let digitsStart = offset + 2
        let digitsEnd = min(digitsStart + digitCount, bytes.count)
        let digits = String(decoding: bytes[digitsStart..<digitsEnd], as: UTF8.self)
        if let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) {
            UTF8.encode(scalar) { content.append($0) }
        }
        offset = digitsEnd
    }
}
