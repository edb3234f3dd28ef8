/// Finds where every key and value of a TOML document is written, which TOMLKit does not report.
///
/// It scans text TOMLKit has already accepted and records, per path: `[table.header]`s (key: the last key
/// inside the brackets; value: the opening bracket), `[[array.of.tables]]` elements under `.index(i)`,
/// dotted and quoted keys, inline tables, and array elements (nested). Given text TOMLKit rejects, it
/// returns what it found before the text stopped making sense; it never fails.
public struct TOMLKeyLocator {
    /// The deepest nesting of arrays and inline tables followed; toml++ itself rejects deeper ones.
    static let maximumDepth = 300

    private var cursor: TOMLTextCursor
    private var counter: TextPositionCounter
    private var sourceMap: SourceMap
    /// How many elements each array of tables has so far, by its path (with earlier arrays' indices).
    private var arrayTableCounts: [ConfigPath: Int] = [:]
    /// The table the key/value lines that follow belong to.
    private var currentTable = ConfigPath()
    /// The first place toml++ 3.4 would assert on instead of reporting an error (a header not starting with
    /// a key such as `[.a]`, an array element starting with `}` or a Unicode line separator): such text must
    /// never reach it, so the parser reports these itself.
    private var firstHazard: TOMLHazard?

    private init(bytes: [UInt8]) {
        cursor = TOMLTextCursor(bytes: bytes)
        counter = TextPositionCounter(bytes: bytes)
        sourceMap = SourceMap.sized(for: bytes)
    }

    /// The positions of every key and value in the TOML document `bytes`.
    public static func locate(in bytes: [UInt8]) -> SourceMap {
        scan(bytes).sourceMap
    }

    /// The positions of every key and value, and the first text toml++ must not be given.
    static func scan(_ bytes: [UInt8]) -> (sourceMap: SourceMap, firstHazard: TOMLHazard?) {
        var locator = TOMLKeyLocator(bytes: bytes)
        locator.scanDocument()
        return (locator.sourceMap, locator.firstHazard)
    }

    private mutating func scanDocument() {
        while !cursor.isAtEnd {
            cursor.skipSpaces()
            switch cursor.current {
            case UInt8(ascii: "["):
                scanTableHeader()
            case UInt8(ascii: "#"), 0x0A, 0x0D, nil:
                break
            default:
                scanKeyValue(in: currentTable, depth: 0)
            }
            // What is left of the line is a comment or blank: a value spanning lines has been read whole.
            cursor.skipRestOfLine()
        }
    }

    /// Reads `[a.b]` or `[[a.b]]` and makes it the current table.
    private mutating func scanTableHeader() {
        let bracket = cursor.offset
        let isArrayOfTables = cursor.peek(1) == UInt8(ascii: "[")
        cursor.offset += isArrayOfTables ? 2 : 1
        cursor.skipSpaces()
        // `[ [` is safe: toml++ reports that array-of-tables brackets must touch.
        let safeBracket = isArrayOfTables ? UInt8(ascii: "]") : UInt8(ascii: "[")
        if let first = cursor.current, !TOMLTextCursor.isBareKeyByte(first), first != UInt8(ascii: "\""),
            first != UInt8(ascii: "'"), first != UInt8(ascii: "]"), first != safeBracket
        {
            noteHazard("a table header must start with a key")
        }
        let parts = cursor.readDottedKey()
        guard let last = parts.last else { return }
        let bracketPosition = position(at: bracket)
        let parent = resolveParent(of: parts.dropLast())
        let path = parent.appending(last.name)
        let keyPosition = position(at: last.offset)
        if isArrayOfTables {
            recordIfAbsent(key: keyPosition, value: bracketPosition, at: path)
            let index = arrayTableCounts[path, default: 0]
            arrayTableCounts[path] = index + 1
            currentTable = path.appending(index: index)
        } else {
            currentTable = path
        }
        sourceMap.keys[currentTable] = keyPosition
        sourceMap.values[currentTable] = bracketPosition
        cursor.skipSpaces()
        cursor.offset += isArrayOfTables ? 2 : 1
    }

    /// The path a header's leading keys name, entering the latest element of any array of tables on the
    /// way (`[[fruit]]` then `[fruit.physical]` is `fruit[0].physical`); records the keys' positions.
    private mutating func resolveParent(of parts: ArraySlice<TOMLKeyPart>) -> ConfigPath {
        var path = ConfigPath()
        for part in parts {
            path = path.appending(part.name)
            recordIfAbsent(key: position(at: part.offset), value: nil, at: path)
            if let count = arrayTableCounts[path] {
                path = path.appending(index: count - 1)
            }
        }
        return path
    }

    /// Reads `key = value` (the key possibly dotted) inside the table at `table`.
    private mutating func scanKeyValue(in table: ConfigPath, depth: Int) {
        let parts = cursor.readDottedKey()
        guard let last = parts.last else { return }
        var path = table
        for part in parts.dropLast() {
            path = path.appending(part.name)
            recordIfAbsent(key: position(at: part.offset), value: nil, at: path)
        }
        path = path.appending(last.name)
        sourceMap.keys[path] = position(at: last.offset)
        cursor.skipSpaces()
        guard cursor.current == UInt8(ascii: "=") else { return }
        cursor.offset += 1
        cursor.skipSpaces()
        scanValue(at: path, depth: depth)
    }

    /// Reads the value at the cursor, which belongs at `path`.
    private mutating func scanValue(at path: ConfigPath, depth: Int) {
        guard let byte = cursor.current else { return }
        guard depth < TOMLKeyLocator.maximumDepth else {
            // toml++ rejects this nesting before anything that follows, so there is nothing left to find.
            cursor.offset = cursor.bytes.count
            return
        }
        sourceMap.values[path] = position(at: cursor.offset)
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            cursor.skipString()
        case UInt8(ascii: "["):
            scanArray(at: path, depth: depth + 1)
        case UInt8(ascii: "{"):
            scanInlineTable(at: path, depth: depth + 1)
        default:
            if let broken = cursor.brokenTimeAfterDate {
                let afterT = cursor.bytes[broken - 1] | 0x20 == UInt8(ascii: "t")
                let found = CharacterWording.describe(in: cursor.bytes, at: broken)
                noteHazard(
                    afterT
                        ? "expected a time (HH:MM:SS) after the date, found \(found)"
                        : "incomplete time after the date: expected HH:MM:SS",
                    at: broken
                )
            }
            cursor.skipBareValue()
        }
    }

    private mutating func scanArray(at path: ConfigPath, depth: Int) {
        cursor.offset += 1
        var index = 0
        while true {
            cursor.skipBlankSpace()
            switch cursor.current {
            case nil, UInt8(ascii: "]"):
                cursor.offset += 1
                return
            case UInt8(ascii: ","):
                cursor.offset += 1
            default:
                if cursor.current == UInt8(ascii: "}") || cursor.startsWithUnicodeLineSeparator {
                    noteHazard("expected a value or ']' in the array")
                }
                let before = cursor.offset
                let elementPath = path.appending(index: index)
                sourceMap.keys[elementPath] = position(at: cursor.offset)
                scanValue(at: elementPath, depth: depth)
                if cursor.offset == before { cursor.offset += 1 }
                index += 1
            }
        }
    }

    private mutating func scanInlineTable(at path: ConfigPath, depth: Int) {
        cursor.offset += 1
        while true {
            cursor.skipBlankSpace()
            switch cursor.current {
            case nil, UInt8(ascii: "}"):
                cursor.offset += 1
                return
            case UInt8(ascii: ","):
                cursor.offset += 1
            default:
                let before = cursor.offset
                scanKeyValue(in: path, depth: depth)
                if cursor.offset == before { cursor.offset += 1 }
            }
        }
    }

    private mutating func noteHazard(_ expectation: String) {
        let found = CharacterWording.describe(in: cursor.bytes, at: cursor.offset)
        noteHazard("\(expectation), found \(found)", at: cursor.offset)
    }

    private mutating func noteHazard(_ message: String, at offset: Int) {
        if firstHazard == nil { firstHazard = TOMLHazard(offset: offset, message: message) }
    }

    private mutating func recordIfAbsent(key: SourcePosition, value: SourcePosition?, at path: ConfigPath) {
        if sourceMap.keys[path] == nil { sourceMap.keys[path] = key }
        if let value, sourceMap.values[path] == nil { sourceMap.values[path] = value }
    }

    /// The position of the byte at `offset`; asked in file order, so that the counter never starts over.
    private mutating func position(at offset: Int) -> SourcePosition {
        counter.position(at: offset)
    }
}
