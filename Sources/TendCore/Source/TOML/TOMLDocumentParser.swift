import TOMLKit

/// Parses a TOML file's raw bytes into a `ParsedDocument`: TOMLKit (toml++) decides what is valid and
/// builds the tree, `TOMLKeyLocator` adds the positions of every key and value.
///
/// An empty or whitespace-only file is a valid, empty table.
public enum TOMLDocumentParser {
    /// Parses `bytes` (the whole file, UTF-8, an optional byte order mark skipped).
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> ParsedDocument {
        if let error = SyntaxError.checkingUTF8(bytes) { throw error }
        // TOMLKit hands the text to toml++ as a C string, which would end at a NUL byte.
        if let nul = bytes.firstIndex(of: 0) {
            var counter = TextPositionCounter(bytes: bytes)
            throw SyntaxError(
                position: counter.position(at: nul), message: "a NUL character (U+0000) is not allowed in TOML"
            )
        }
        let scan = TOMLKeyLocator.scan(bytes)
        if let hazard = scan.firstHazard {
            // Report an earlier error toml++ finds in the lines before, if any; the hazard's own otherwise.
            let lineStart = bytes[..<hazard.offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            _ = try parseWithTOMLKit(Array(bytes[..<lineStart]))
            var counter = TextPositionCounter(bytes: bytes)
            throw SyntaxError(position: counter.position(at: hazard.offset), message: hazard.message)
        }
        let table = try parseWithTOMLKit(bytes)
        let root = ConfigValue.members(of: table)
        // TOMLKit never deletes the toml++ tree it parsed (TOMLTable has no deinit): emptying the root frees
        // every node beneath it, which is most of what a parse would otherwise leak for good.
        table.clear()
        return ParsedDocument(root: root, sourceMap: scan.sourceMap)
    }

    /// The table toml++ builds from `bytes`, or its error reworded.
    private static func parseWithTOMLKit(_ bytes: [UInt8]) throws(SyntaxError) -> TOMLTable {
        do {
            return try TOMLTable(string: String(decoding: bytes, as: UTF8.self))
        } catch let error as TOMLParseError {
            let position = SourcePosition(line: error.source.begin.line, column: error.source.begin.column)
            var counter = TextPositionCounter(bytes: bytes)
            let found = counter.offset(of: position).flatMap { UTF8Text.scalar(in: bytes, at: $0) }
            throw SyntaxError(position: position, message: TOMLErrorWording.plain(error.description, found: found))
        } catch {
            throw SyntaxError(position: .start, message: "\(error)")
        }
    }
}
