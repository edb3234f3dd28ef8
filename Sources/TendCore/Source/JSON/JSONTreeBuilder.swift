/// The JSON parser's state machine: reads values and brackets in order, keeps open containers on an
/// explicit stack and records where every key and value stands.
struct JSONTreeBuilder {
    /// What the builder reads next.
    private enum Expectation {
        /// The first member or element of the innermost container, or its closing bracket.
        case firstEntryOrClose
        /// A member (key, colon, value) or element, after a comma.
        case entry
        /// The value at `path`.
        case value(ConfigPath)
        /// A comma or the innermost container's closing bracket.
        case separatorOrClose
    }

    private var reader: JSONReader
    private var stack: [JSONOpenContainer] = []
    /// The positions of every key and value read so far (none when positions are not recorded).
    private(set) var sourceMap: SourceMap
    /// Whether the positions of keys and values are kept; without them no path is built for any value,
    /// which is most of the work for a large document.
    private let recordsPositions: Bool

    init(reader: JSONReader, recordsPositions: Bool = true) {
        self.reader = reader
        self.recordsPositions = recordsPositions
        self.sourceMap = recordsPositions ? SourceMap.sized(for: reader.bytes) : SourceMap()
    }

    /// Reads the whole document: one object, then nothing but whitespace.
    mutating func parseDocument() throws(SyntaxError) -> [String: ConfigValue] {
        reader.skipWhitespace()
        guard let first = reader.current else {
            throw SyntaxError(position: .start, message: "the file is empty")
        }
        guard first == UInt8(ascii: "{") else {
            throw reader.error(
                at: reader.offset, "the top level must be an object ({ ... }), found \(describeValueStart(first))"
            )
        }
        var root: [String: ConfigValue]?
        open(.object, path: ConfigPath())
        var expectation = Expectation.firstEntryOrClose
        while root == nil {
            reader.skipWhitespace()
            switch expectation {
            case .firstEntryOrClose:
                if reader.current == top.kind.closingByte {
                    root = close()
                    expectation = .separatorOrClose
                } else {
                    expectation = .entry
                }
            case .entry:
                expectation = .value(try readEntryStart())
            case .value(let path):
                expectation = try readValue(at: path)
            case .separatorOrClose:
                if try readSeparator() {
                    expectation = .entry
                } else {
                    root = close()
                }
            }
        }
        reader.skipWhitespace()
        if reader.current != nil {
            throw reader.error(
                at: reader.offset,
                "unexpected \(reader.describe(at: reader.offset)) after the end of the top-level object"
            )
        }
        return root ?? [:]
    }

    private var top: JSONOpenContainer {
        stack[stack.count - 1]
    }

    /// Reads an object member's key and colon, or notes an array element's index; returns the path of the
    /// value that follows.
    private mutating func readEntryStart() throws(SyntaxError) -> ConfigPath {
        let container = top
        guard container.kind == .object else {
            return recordsPositions ? container.path.appending(index: container.elements.count) : container.path
        }
        let keyOffset = reader.offset
        guard reader.current == UInt8(ascii: "\"") else {
            throw reader.current == nil
                ? unterminated(container)
                : reader.error(at: keyOffset, "expected a key in double quotes, found \(reader.describe(at: keyOffset))")
        }
        let key = try reader.readString()
        let path = recordsPositions ? container.path.appending(key) : container.path
        if container.members[key] != nil {
            guard let first = sourceMap.keys[path] else {
                throw reader.error(at: keyOffset, "duplicate key \(quoted(key))")
            }
            throw reader.error(
                at: keyOffset,
                "duplicate key \(quoted(key)) (first defined at line \(first.line), column \(first.column))"
            )
        }
        if recordsPositions { sourceMap.keys[path] = reader.position(at: keyOffset) }
        reader.skipWhitespace()
        guard reader.current == UInt8(ascii: ":") else {
            throw reader.current == nil
                ? unterminated(container)
                : reader.error(
                    at: reader.offset,
                    "expected ':' after the key \(quoted(key)), found \(reader.describe(at: reader.offset))"
                )
        }
        reader.offset += 1
        stack[stack.count - 1].currentKey = key
        return path
    }

    /// Reads the value at `path`: a scalar is stored at once, a bracket opens a container.
    private mutating func readValue(at path: ConfigPath) throws(SyntaxError) -> Expectation {
        let valueOffset = reader.offset
        guard let byte = reader.current else { throw unterminated(top) }
        if recordsPositions {
            let position = reader.position(at: valueOffset)
            sourceMap.values[path] = position
            if top.kind == .array { sourceMap.keys[path] = position }
        }
        let scalar: ConfigValue
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard stack.count < JSONDocumentParser.maximumDepth else {
                throw reader.error(
                    at: valueOffset,
                    "nesting too deep: more than \(JSONDocumentParser.maximumDepth) levels of objects and arrays"
                )
            }
            open(byte == UInt8(ascii: "{") ? .object : .array, path: path)
            return .firstEntryOrClose
        case UInt8(ascii: "\""):
            scalar = .string(try reader.readString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            scalar = try reader.readNumber()
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            scalar = try reader.readLiteral()
        case UInt8(ascii: "'"):
            throw reader.error(at: valueOffset, "strings must be written in double quotes, not single quotes")
        default:
            throw reader.error(at: valueOffset, "expected a value, found \(reader.describe(at: valueOffset))")
        }
        stack[stack.count - 1].add(scalar)
        return .separatorOrClose
    }

    /// Reads a comma (returning true) or sees the innermost container's closing bracket (returning false).
    private mutating func readSeparator() throws(SyntaxError) -> Bool {
        let container = top
        guard let byte = reader.current else { throw unterminated(container) }
        if byte == container.kind.closingByte { return false }
        guard byte == UInt8(ascii: ",") else {
            let after = container.kind == .object
                ? "the value of \(quoted(container.currentKey ?? ""))"
                : "an array element"
            throw reader.error(
                at: reader.offset,
                "expected ',' or '\(Character(Unicode.Scalar(container.kind.closingByte)))' after \(after), "
                    + "found \(reader.describe(at: reader.offset))"
            )
        }
        let commaOffset = reader.offset
        reader.offset += 1
        reader.skipWhitespace()
        if reader.current == UInt8(ascii: "}") || reader.current == UInt8(ascii: "]") {
            throw reader.error(
                at: commaOffset, "trailing comma before \(Character(Unicode.Scalar(reader.current ?? 0)))"
            )
        }
        return true
    }

    private mutating func open(_ kind: JSONOpenContainer.Kind, path: ConfigPath) {
        stack.append(JSONOpenContainer(kind: kind, path: path, openingOffset: reader.offset))
        reader.offset += 1
    }

    /// Consumes the closing bracket, pops the innermost container and hands its value to its parent;
    /// returns the root's members when the root itself closed.
    private mutating func close() -> [String: ConfigValue]? {
        reader.offset += 1
        let finished = stack.removeLast()
        guard !stack.isEmpty else { return finished.members }
        stack[stack.count - 1].add(finished.value)
        return nil
    }

    private mutating func unterminated(_ container: JSONOpenContainer) -> SyntaxError {
        let closing = Character(Unicode.Scalar(container.kind.closingByte))
        return reader.error(
            at: container.openingOffset,
            "unterminated \(container.kind.noun): the file ends before its closing \(closing)"
        )
    }

    private func quoted(_ key: String) -> String {
        "\"" + key + "\""
    }

    private func describeValueStart(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "a number"
        default: return reader.describe(at: reader.offset)
        }
    }
}
