/// Where each key and each value of a parsed document stands in its text.
///
/// Common TOML and JSON decoders report no positions for valid documents, so tend's parsers build this
/// map as they read; validation uses it to put every error at the exact line and column it concerns.
public struct SourceMap: Sendable, Equatable {
    /// The position of each key's first character (for an array element: the element's own position).
    public var keys: [ConfigPath: SourcePosition]
    /// The position of each value's first character.
    public var values: [ConfigPath: SourcePosition]

    public init(keys: [ConfigPath: SourcePosition] = [:], values: [ConfigPath: SourcePosition] = [:]) {
        self.keys = keys
        self.values = values
    }

    /// Where the key at `path` is written; for a path the map does not hold, the nearest enclosing one.
    public func keyPosition(of path: ConfigPath) -> SourcePosition {
        lookup(path, preferring: keys, then: values)
    }

    /// Where the value at `path` is written; for a path the map does not hold, the nearest enclosing one.
    public func valuePosition(of path: ConfigPath) -> SourcePosition {
        lookup(path, preferring: values, then: keys)
    }

    private func lookup(
        _ path: ConfigPath,
        preferring first: [ConfigPath: SourcePosition],
        then second: [ConfigPath: SourcePosition]
    ) -> SourcePosition {
        var current: ConfigPath? = path
        while let candidate = current {
            if let position = first[candidate] ?? second[candidate] { return position }
            current = candidate.parent
        }
        return .start
    }
}

/// A document read from one file: its root table and where everything in it stands.
public struct ParsedDocument: Sendable, Equatable {
    public var root: [String: ConfigValue]
    public var sourceMap: SourceMap

    public init(root: [String: ConfigValue], sourceMap: SourceMap) {
        self.root = root
        self.sourceMap = sourceMap
    }
}

/// A file that is not valid TOML or JSON (or not text at all), with where the problem was found.
public struct SyntaxError: Error, Sendable, Equatable {
    public var position: SourcePosition
    public var message: String

    public init(position: SourcePosition, message: String) {
        self.position = position
        self.message = message
    }
}
