/// The two syntaxes a configuration file may be written in, chosen by the file's extension.
public enum ConfigSyntax: String, Sendable, CaseIterable {
    /// TOML 1.0, read by `TOMLDocumentParser`.
    case toml
    /// JSON (RFC 8259, strict), read by `JSONDocumentParser`.
    case json

    /// The syntax for a file extension without its dot (`toml`, `JSON`), or nil for any other.
    public init?(fileExtension: String) {
        self.init(rawValue: fileExtension.lowercased())
    }

    /// The syntax for a file path by its extension (`conf.d/web.toml`), or nil when it names neither.
    public init?(path: String) {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(fileExtension: String(name[name.index(after: dot)...]))
    }

    /// Parses a whole file's bytes in this syntax into its root table and source map.
    public func parse(bytes: [UInt8]) throws(SyntaxError) -> ParsedDocument {
        switch self {
        case .toml: return try TOMLDocumentParser.parse(bytes)
        case .json: return try JSONDocumentParser.parse(bytes)
        }
    }
}
