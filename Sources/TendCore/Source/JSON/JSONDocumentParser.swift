/// A strict RFC 8259 JSON parser from a file's raw bytes to a `ParsedDocument`, recording the position of
/// every key and every value.
///
/// Foundation's decoder reports no positions, and tend must put every configuration error at its line and
/// column. Errors are `SyntaxError`s at the exact character, worded as plain sentences.
public enum JSONDocumentParser {
    /// The deepest nesting of objects and arrays accepted; deeper documents are rejected rather than parsed
    /// (the parser keeps its own stack, so this is a sanity limit, not a guard against a crash).
    public static let maximumDepth = 256

    /// Parses `bytes` (the whole file, UTF-8, an optional byte order mark skipped), whose top level must be
    /// an object.
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> ParsedDocument {
        if let error = SyntaxError.checkingUTF8(bytes) { throw error }
        var builder = JSONTreeBuilder(reader: JSONReader(bytes: bytes))
        let root = try builder.parseDocument()
        return ParsedDocument(root: root, sourceMap: builder.sourceMap)
    }

    /// Parses `bytes` as `parse` does, keeping the values alone: for JSON a program wrote (the control API's),
    /// where no message ever points into the text, so no position is worth recording.
    public static func parseValues(_ bytes: [UInt8]) throws(SyntaxError) -> [String: ConfigValue] {
        if let error = SyntaxError.checkingUTF8(bytes) { throw error }
        var builder = JSONTreeBuilder(reader: JSONReader(bytes: bytes), recordsPositions: false)
        return try builder.parseDocument()
    }
}
