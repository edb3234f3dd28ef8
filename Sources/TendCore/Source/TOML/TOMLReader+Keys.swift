/// One part of a (possibly dotted) TOML key and where it is written.
struct TOMLKeyPart {
    /// The key as TOML means it: quotes removed, escapes decoded.
    let name: String
    /// The offset of the key's first character (its opening quote, for a quoted key).
    let offset: Int
}

/// A key as written before `=` or inside a table header: `name`, `"my app"`, `a . 'b' . c`.
struct TOMLKey {
    /// The parts before the last dot, outermost first; empty for a key without dots (no allocation then).
    let leading: [TOMLKeyPart]
    /// The last part, which names the value or table itself.
    let last: TOMLKeyPart

    /// The key as messages quote it: parts joined by dots, those that are not bare keys in double quotes.
    var description: String {
        name(throughPart: leading.count)
    }

    /// The first parts of the key, up to the one at `index` (the last part's index is `leading.count`),
    /// as messages quote them.
    func name(throughPart index: Int) -> String {
        let parts = leading.prefix(index + 1).map { ConfigPathComponent.key($0.name) }
        return ConfigPath(index < leading.count ? parts : parts + [.key(last.name)]).description
    }
}

extension TOMLReader {
    /// Reads a key and the spaces around its dots, and stops before whatever follows (`=` or `]`). A key
    /// of more parts than tables may nest is an error at its dot, before the parts become paths.
    ///
    /// `missing` is what a message says when no key stands at the cursor ("a table header must start
    /// with a key").
    mutating func readKey(missing: String) throws(SyntaxError) -> TOMLKey {
        var part = try readSimpleKey(missing: missing)
        var leading: [TOMLKeyPart] = []
        while true {
            skipSpaces()
            guard current == UInt8(ascii: ".") else { return TOMLKey(leading: leading, last: part) }
            guard leading.count < TOMLDocumentParser.maximumDepth else {
                throw error(at: offset, TOMLErrorWording.nestedTooDeep(containers: false))
            }
            offset += 1
            skipSpaces()
            leading.append(part)
            part = try readSimpleKey(missing: "expected a key after the dot")
        }
    }

    private mutating func readSimpleKey(missing: String) throws(SyntaxError) -> TOMLKeyPart {
        let start = offset
        switch current {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return TOMLKeyPart(name: try readSingleLineString(), offset: start)
        default:
            let count = bytes.count
            while offset < count, TOMLReader.isBareKeyByte(bytes[offset]) { offset += 1 }
            guard offset > start else { throw error(at: start, "\(missing), found \(describe(at: start))") }
            return TOMLKeyPart(name: text(start..<offset), offset: start)
        }
    }
}
