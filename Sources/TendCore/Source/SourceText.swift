/// A file's text and syntax, kept in place of its source map once the file is decoded.
///
/// Positions are needed again only when a later step (a cross-file check, an expansion) finds a problem,
/// and the text is several times smaller than the map of every key and value in it: at 1,000 files the
/// maps held about 2 MiB for good, the texts a sixth of that.
public struct SourceText: Sendable, Equatable {
    /// The file's bytes, as they were parsed.
    public let bytes: [UInt8]
    /// The syntax they were parsed in.
    public let syntax: ConfigSyntax

    /// Keeps `bytes`, written in `syntax`.
    public init(bytes: [UInt8], syntax: ConfigSyntax) {
        self.bytes = bytes
        self.syntax = syntax
    }

    /// The text of a file that defines nothing (one that could not be read or parsed).
    public static let empty = SourceText(bytes: [], syntax: .toml)

    /// The source map, found again by parsing the text; empty for text that does not parse.
    public func sourceMap() -> SourceMap {
        (try? syntax.parse(bytes: bytes))?.sourceMap ?? SourceMap()
    }
}
