/// The TOML parser's document level: reads the file line by line (`key = value`, `[table]` and
/// `[[array.of.tables]]` headers, comments), builds the tree and records where every key and value stands.
struct TOMLTreeBuilder {
    var reader: TOMLReader
    var tables = TOMLTableStore()
    /// The positions of every key and value read so far.
    private(set) var sourceMap: SourceMap
    /// The arrays and inline tables opened and not yet closed, innermost last.
    var stack: [TOMLOpenValue] = []
    /// The table that `key = value` lines belong to: the root, or the one the last header named.
    private var section = (table: TOMLTableStore.root, path: ConfigPath())

    init(reader: TOMLReader) {
        self.reader = reader
        self.sourceMap = SourceMap.sized(for: reader.bytes)
    }

    /// Reads the whole document and returns its root table.
    mutating func parseDocument() throws(SyntaxError) -> [String: ConfigValue] {
        while true {
            reader.skipSpaces()
            guard let byte = reader.current else { return tables.finish() }
            switch byte {
            case 0x0A, 0x0D:
                try reader.readLineEnd()
            case UInt8(ascii: "#"):
                try reader.skipComment()
            case UInt8(ascii: "["):
                try readTableHeader()
                try reader.finishLine(after: "the table header")
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                try readKeyValue()
            default:
                guard TOMLReader.isBareKeyByte(byte) else {
                    throw reader.error(
                        at: reader.offset,
                        "unexpected \(reader.describe(at: reader.offset)): "
                            + "a line must start with a key, a [table] header or a comment"
                    )
                }
                try readKeyValue()
            }
        }
    }

    /// Reads `[a.b]` or `[[a.b]]` and makes the table it names the section that the next lines fill.
    private mutating func readTableHeader() throws(SyntaxError) {
        let bracket = reader.offset
        let isArrayOfTables = reader.byte(at: bracket + 1) == UInt8(ascii: "[")
        reader.offset += isArrayOfTables ? 2 : 1
        reader.skipSpaces()
        let key = try reader.readKey(missing: "a table header must start with a key")
        let closing = isArrayOfTables ? "]]" : "]"
        let closed = reader.current == UInt8(ascii: "]")
        guard closed && (!isArrayOfTables || reader.byte(at: reader.offset + 1) == UInt8(ascii: "]")) else {
            let found = closed ? reader.offset + 1 : reader.offset
            throw reader.error(at: found, "expected '\(closing)', found \(reader.describe(at: found))")
        }
        reader.offset += closing.utf8.count
        section = try openSection(key, isArrayOfTables: isArrayOfTables, bracket: bracket)
    }

    /// Defines the table a header names (or the next element of the array of tables it names), with the
    /// tables on the way to it, and records where they stand; returns the table and its path.
    private mutating func openSection(
        _ key: TOMLKey,
        isArrayOfTables: Bool,
        bracket: Int
    ) throws(SyntaxError) -> (table: Int, path: ConfigPath) {
        let bracketPosition = reader.position(at: bracket)
        var table = TOMLTableStore.root
        var path = ConfigPath()
        for (index, part) in key.leading.enumerated() {
            path = path.appending(part.name)
            recordIfAbsent(key: reader.position(at: part.offset), value: nil, at: path)
            do {
                let entered = try tables.enterForHeader(part.name, in: table)
                table = entered.table
                if let element = entered.element { path = path.appending(index: element) }
            } catch {
                throw conflict(error, key: key, upTo: index, wanted: "a table", at: bracket)
            }
        }
        path = path.appending(key.last.name)
        let keyPosition = reader.position(at: key.last.offset)
        do {
            if isArrayOfTables {
                recordIfAbsent(key: keyPosition, value: bracketPosition, at: path)
                let appended = try tables.appendArrayElement(key.last.name, in: table)
                table = appended.table
                path = path.appending(index: appended.element)
            } else {
                table = try tables.defineTable(key.last.name, in: table)
            }
        } catch {
            let wanted = isArrayOfTables ? "an array of tables" : "a table"
            throw conflict(error, key: key, upTo: key.leading.count, wanted: wanted, at: bracket)
        }
        try checkDepth(of: path, at: bracket)
        sourceMap.keys[path] = keyPosition
        sourceMap.values[path] = bracketPosition
        return (table, path)
    }

    /// Reads `key = value` into the current section, and the rest of its line.
    private mutating func readKeyValue() throws(SyntaxError) {
        let slot = try readKeyAndEquals(in: section.table, at: section.path, missing: "expected a key")
        let value = try readValue(at: slot.path)
        tables.insert(value, for: slot.key, in: slot.table)
        try reader.finishLine(after: "the value")
    }

    /// Reads a key, `=` and the spaces after it, in the table `table` at `path`, up to the value; moves into
    /// (or creates) the tables a dotted key names and records the key's position. Returns the table the
    /// value goes into, its key there and its path.
    mutating func readKeyAndEquals(
        in table: Int,
        at path: ConfigPath,
        missing: String
    ) throws(SyntaxError) -> (table: Int, key: String, path: ConfigPath) {
        let key = try reader.readKey(missing: missing)
        reader.skipSpaces()
        guard reader.current == UInt8(ascii: "=") else {
            throw reader.error(
                at: reader.offset, "expected '=' after the key '\(key.description)', found \(reader.describe(at: reader.offset))"
            )
        }
        reader.offset += 1
        reader.skipSpaces()
        let valueOffset = reader.offset
        guard let byte = reader.current, !TOMLTreeBuilder.endsValue(byte) else {
            throw reader.error(at: valueOffset, "expected value, found \(reader.describe(at: valueOffset))")
        }
        var table = table
        var path = path
        for (index, part) in key.leading.enumerated() {
            path = path.appending(part.name)
            recordIfAbsent(key: reader.position(at: part.offset), value: nil, at: path)
            do {
                table = try tables.enterForDottedKey(part.name, in: table)
            } catch {
                throw conflict(error, key: key, upTo: index, wanted: "a table", at: part.offset)
            }
        }
        path = path.appending(key.last.name)
        if let existing = tables.existingKind(of: key.last.name, in: table) {
            throw reader.error(at: valueOffset, "duplicate key '\(key.description)': it is already defined as \(existing)")
        }
        try checkDepth(of: path, at: key.last.offset)
        sourceMap.keys[path] = reader.position(at: key.last.offset)
        return (table, key.last.name, path)
    }

    /// The error for a conflict the table bookkeeping found with the key's parts up to `partIndex`, which
    /// the document wanted to make `wanted`, placed at `offset`.
    private mutating func conflict(
        _ conflict: TOMLConflict,
        key: TOMLKey,
        upTo partIndex: Int,
        wanted: String,
        at offset: Int
    ) -> SyntaxError {
        let name = key.name(throughPart: partIndex)
        return reader.error(at: offset, TOMLErrorWording.sentence(for: conflict, name: name, wanted: wanted))
    }

    private mutating func checkDepth(of path: ConfigPath, at offset: Int) throws(SyntaxError) {
        guard path.components.count <= TOMLDocumentParser.maximumDepth else {
            throw reader.error(at: offset, TOMLErrorWording.nestedTooDeep(containers: false))
        }
    }

    mutating func recordIfAbsent(key: SourcePosition, value: SourcePosition?, at path: ConfigPath) {
        if sourceMap.keys[path] == nil { sourceMap.keys[path] = key }
        if let value, sourceMap.values[path] == nil { sourceMap.values[path] = value }
    }

    /// Records where the value at `path` starts (and, for an array element, its "key").
    mutating func recordValue(at path: ConfigPath, offset: Int, isElement: Bool) {
        let position = reader.position(at: offset)
        sourceMap.values[path] = position
        if isElement { sourceMap.keys[path] = position }
    }

    /// Whether `byte` ends a value (or stands where one is missing): whitespace, a line end, a separator,
    /// a closing bracket or a comment.
    static func endsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "#"):
            return true
        default:
            return false
        }
    }
}
