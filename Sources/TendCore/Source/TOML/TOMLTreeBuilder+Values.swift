extension TOMLTreeBuilder {
    /// What the value reader reads next.
    private enum Expectation {
        /// The value at `path`.
        case value(ConfigPath)
        /// The innermost open value's first element or member, or its closing bracket; for an array, also
        /// what follows a comma (a trailing comma is allowed there).
        case entryOrClose
        /// An inline table's member after a comma.
        case member
        /// A comma or the innermost open value's closing bracket.
        case separatorOrClose
    }

    /// Reads the value at the cursor, which belongs at `path`: a scalar, or an array or inline table with
    /// everything nested in it (kept on an explicit stack, not read by recursion).
    mutating func readValue(at path: ConfigPath) throws(SyntaxError) -> ConfigValue {
        var expectation = Expectation.value(path)
        while true {
            switch expectation {
            case .value(let path):
                guard let scalar = try readScalarOrOpen(at: path) else {
                    expectation = .entryOrClose
                    continue
                }
                if stack.isEmpty { return scalar }
                add(scalar)
                expectation = .separatorOrClose
            case .entryOrClose:
                try skipSpaceInside()
                if reader.current == top.kind.closingByte {
                    if let finished = close() { return finished }
                    expectation = .separatorOrClose
                } else {
                    expectation = .value(try readEntryStart())
                }
            case .member:
                try skipSpaceInside()
                if reader.current == UInt8(ascii: "}") { throw reader.error(at: reader.offset, "trailing comma before }") }
                expectation = .value(try readEntryStart())
            case .separatorOrClose:
                try skipSpaceInside()
                if try readSeparator() {
                    expectation = top.kind == .array ? .entryOrClose : .member
                } else {
                    if let finished = close() { return finished }
                    expectation = .separatorOrClose
                }
            }
        }
    }

    private var top: TOMLOpenValue {
        stack[stack.count - 1]
    }

    /// Reads a scalar and returns it, or opens an array or inline table and returns nil.
    private mutating func readScalarOrOpen(at path: ConfigPath) throws(SyntaxError) -> ConfigValue? {
        let start = reader.offset
        recordValue(at: path, offset: start, isElement: stack.last?.kind == .array)
        guard let byte = reader.current else { throw missingValue(at: start) }
        let value: ConfigValue
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            guard stack.count < TOMLDocumentParser.maximumDepth else {
                throw reader.error(at: start, TOMLErrorWording.nestedTooDeep(containers: true))
            }
            open(byte == UInt8(ascii: "[") ? .array : .inlineTable, path: path)
            return nil
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            value = .string(try reader.readString())
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            value = reader.startsDateOrTime ? try reader.readDateTime() : try reader.readNumber()
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            value = try reader.readNumber()
        case UInt8(ascii: "t") where reader.startsWord("true"):
            reader.offset += 4
            value = .boolean(true)
        case UInt8(ascii: "f") where reader.startsWord("false"):
            reader.offset += 5
            value = .boolean(false)
        case UInt8(ascii: "i") where reader.isWord("inf"), UInt8(ascii: "n") where reader.isWord("nan"):
            value = try reader.readNumber()
        default:
            guard TOMLReader.isBareKeyByte(byte) else { throw missingValue(at: start) }
            throw reader.error(at: start, "invalid value: strings must be written in quotes")
        }
        if let next = reader.current, !TOMLTreeBuilder.endsValue(next) {
            throw reader.error(at: reader.offset, TOMLErrorWording.unexpected(reader.describe(at: reader.offset), after: value))
        }
        return value
    }

    private mutating func missingValue(at offset: Int) -> SyntaxError {
        let found = reader.describe(at: offset)
        guard stack.last?.kind == .array else { return reader.error(at: offset, "expected value, found \(found)") }
        if reader.current == nil { return unterminated(top) }
        return reader.error(at: offset, "expected a value or ']' in the array, found \(found)")
    }

    /// Notes the next array element's path, or reads an inline table member's key and `=`; returns the
    /// path of the value that follows.
    private mutating func readEntryStart() throws(SyntaxError) -> ConfigPath {
        let container = top
        guard container.kind == .inlineTable else {
            return container.path.appending(index: container.elements.count)
        }
        let slot = try readKeyAndEquals(in: container.table, at: container.path, missing: "expected a key")
        stack[stack.count - 1].member = (slot.table, slot.key)
        return slot.path
    }

    /// Reads a comma (returning true) or sees the innermost open value's closing bracket (returning false).
    private mutating func readSeparator() throws(SyntaxError) -> Bool {
        let container = top
        guard let byte = reader.current, byte != 0x0A, byte != 0x0D else { throw unterminated(container) }
        if byte == container.kind.closingByte { return false }
        guard byte == UInt8(ascii: ",") else {
            let after = container.kind == .array ? "an array element" : "the value of '\(container.member.key)'"
            throw reader.error(
                at: reader.offset,
                "expected ',' or '\(Character(Unicode.Scalar(container.kind.closingByte)))' after \(after), "
                    + "found \(reader.describe(at: reader.offset))"
            )
        }
        reader.offset += 1
        return true
    }

    /// Moves past what may stand between the tokens of the innermost open value: blank lines and comments
    /// in an array, spaces and tabs only in an inline table, which must stay on one line.
    private mutating func skipSpaceInside() throws(SyntaxError) {
        if top.kind == .array {
            try reader.skipBlankLines()
        } else {
            reader.skipSpaces()
            if reader.current == nil || reader.isAtLineEnd { throw unterminated(top) }
        }
    }

    private mutating func open(_ kind: TOMLOpenValue.Kind, path: ConfigPath) {
        var value = TOMLOpenValue(kind: kind, path: path)
        if kind == .inlineTable { value.table = tables.openInlineTable() }
        stack.append(value)
        reader.offset += 1
    }

    /// Stores a finished element or member in the innermost open value (in place: holding a copy of it
    /// meanwhile would make every append copy the array).
    private mutating func add(_ value: ConfigValue) {
        let innermost = stack.count - 1
        switch stack[innermost].kind {
        case .array: stack[innermost].elements.append(value)
        case .inlineTable: tables.insert(value, for: stack[innermost].member.key, in: stack[innermost].member.table)
        }
    }

    /// Consumes the closing bracket and pops the innermost open value; returns it when it was the outermost,
    /// or hands it to the one around it.
    private mutating func close() -> ConfigValue? {
        reader.offset += 1
        let finished = stack.removeLast()
        let value = finished.kind == .array ? .array(finished.elements) : tables.closeInlineTable(finished.table)
        guard !stack.isEmpty else { return value }
        add(value)
        return nil
    }

    private mutating func unterminated(_ container: TOMLOpenValue) -> SyntaxError {
        let closing = Character(Unicode.Scalar(container.kind.closingByte))
        guard reader.current == nil else {
            return reader.error(
                at: reader.offset, "unterminated \(container.kind.noun): no closing \(closing) before the end of the line"
            )
        }
        return reader.error(
            at: reader.offset, "unterminated \(container.kind.noun): the file ends before its closing \(closing)"
        )
    }
}
