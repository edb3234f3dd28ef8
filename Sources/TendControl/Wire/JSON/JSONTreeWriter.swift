import TendCore

/// Writes a `JSONTree` as UTF-8 bytes, object members sorted by name.
///
/// The compact form has no whitespace at all. The pretty form reads as Foundation's `.prettyPrinted` does:
/// two spaces of indentation per level, `"key" : value`, and an empty array or object written as its two
/// brackets on separate lines with an empty line between them.
struct JSONTreeWriter {
    private(set) var bytes: [UInt8] = []
    let pretty: Bool

    /// The bytes of `tree`, with no line break at the end.
    static func write(_ tree: JSONTree, pretty: Bool) -> [UInt8] {
        var writer = JSONTreeWriter(pretty: pretty)
        writer.write(tree, depth: 0)
        return writer.bytes
    }

    private mutating func write(_ tree: JSONTree, depth: Int) {
        switch tree {
        case .null: append("null")
        case .bool(let value): append(value ? "true" : "false")
        case .number(let text): append(text)
        case .string(let text): append(JSONStringLiteral.quoted(text))
        case .array(let elements):
            writeEntries(of: elements, open: "[", close: "]", depth: depth) { writer, element in
                writer.write(element, depth: depth + 1)
            }
        case .object(let members):
            let sorted = members.sorted { $0.key < $1.key }
            writeEntries(of: sorted, open: "{", close: "}", depth: depth) { writer, member in
                writer.append(JSONStringLiteral.quoted(member.key))
                writer.append(writer.pretty ? " : " : ":")
                writer.write(member.value, depth: depth + 1)
            }
        }
    }

    /// Writes the brackets around `entries`, each written by `writeEntry`, with the commas between them and,
    /// in the pretty form, the line breaks and indentation.
    private mutating func writeEntries<Entry>(
        of entries: [Entry], open: String, close: String, depth: Int,
        _ writeEntry: (inout JSONTreeWriter, Entry) -> Void
    ) {
        append(open)
        for (index, entry) in entries.enumerated() {
            if index > 0 { append(",") }
            if pretty { newline(depth: depth + 1) }
            writeEntry(&self, entry)
        }
        if pretty {
            if entries.isEmpty { append("\n") }
            newline(depth: depth)
        }
        append(close)
    }

    private mutating func newline(depth: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}
