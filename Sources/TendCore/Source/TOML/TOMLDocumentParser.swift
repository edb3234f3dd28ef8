/// A TOML 1.0 parser from a file's raw bytes to a `ParsedDocument`, recording the position of every key and
/// every value as it reads them, in one pass.
///
/// tend must put every configuration error at its line and column, so positions are part of the result.
/// Errors are `SyntaxError`s at the exact character, worded as plain sentences. An empty or
/// whitespace-only file is a valid, empty table.
public enum TOMLDocumentParser {
    /// The deepest nesting of arrays and inline tables (and, separately, of tables) accepted; deeper
    /// documents are rejected rather than parsed (the parser keeps its own stack, so this is a sanity
    /// limit, not a guard against a crash).
    public static let maximumDepth = 256

    /// Parses `bytes` (the whole file, UTF-8, an optional byte order mark skipped).
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> ParsedDocument {
        if let error = SyntaxError.checkingUTF8(bytes) { throw error }
        var builder = TOMLTreeBuilder(reader: TOMLReader(bytes: bytes))
        let root = try builder.parseDocument()
        return ParsedDocument(root: root, sourceMap: builder.sourceMap)
    }
}
