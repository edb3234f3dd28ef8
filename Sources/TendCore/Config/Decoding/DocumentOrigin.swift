/// Where a decoded value came from: its file and that file's text, so that any later step (cross-file
/// checks, expansion) can report a problem at the exact line and column.
struct DocumentOrigin: Sendable, Equatable {
    /// The file's path as shown in diagnostics.
    var file: String
    /// The file's directory, absolute: `%(here)s` and the base of relative paths written in it.
    var directory: String
    /// The file's text, from which positions are found again when a problem needs one.
    var source: SourceText

    /// A diagnostic about the key or value at `path`, located in `map` (the file's map when the caller
    /// holds it, else found again from the text). `offset` points into a string value, in Unicode scalars.
    func diagnostic(
        _ severity: Diagnostic.Severity, _ message: String, at path: ConfigPath, onKey: Bool = false,
        offset: Int? = nil, in map: SourceMap? = nil
    ) -> Diagnostic {
        let map = map ?? source.sourceMap()
        var position = onKey ? map.keyPosition(of: path) : map.valuePosition(of: path)
        if let offset, map.values[path] != nil {
            position.column += offset + 1
        }
        return Diagnostic(severity, file: file, position: position, path: path, message: message)
    }

    /// Where the key at `path` is written in the file.
    func keyPosition(of path: ConfigPath) -> SourcePosition {
        source.sourceMap().keyPosition(of: path)
    }
}

/// Collects the diagnostics of one decoding pass and offers typed reads that report what they reject.
struct DecodingContext {
    let origin: DocumentOrigin
    /// The map of the document being decoded, at hand for the problems found while decoding it.
    private let sourceMap: SourceMap
    private(set) var diagnostics: [Diagnostic] = []

    init(origin: DocumentOrigin, sourceMap: SourceMap) {
        self.origin = origin
        self.sourceMap = sourceMap
    }

    mutating func error(_ message: String, at path: ConfigPath, onKey: Bool = false, offset: Int? = nil) {
        diagnostics.append(origin.diagnostic(.error, message, at: path, onKey: onKey, offset: offset, in: sourceMap))
    }

    mutating func warning(_ message: String, at path: ConfigPath, onKey: Bool = false) {
        diagnostics.append(origin.diagnostic(.warning, message, at: path, onKey: onKey, in: sourceMap))
    }

    /// Reports every key of `table` that is not in `known`, suggesting the nearest known key.
    mutating func rejectUnknownKeys(of table: [String: ConfigValue], at path: ConfigPath, known: [String], in section: String) {
        for key in table.keys.sorted() where !known.contains(key) {
            var message = "unknown key \"\(key)\" in \(section)"
            if let suggestion = DidYouMean.suggestion(for: key, among: known) {
                message += "; did you mean \"\(suggestion)\"?"
            }
            error(message, at: path.appending(key), onKey: true)
        }
    }

    /// The value at `key` read by `parse`, nil when absent; a rejected value is reported and read as nil.
    mutating func read<T>(
        _ table: [String: ConfigValue], _ key: String, at path: ConfigPath,
        _ parse: (ConfigValue) -> Result<T, ValueError>
    ) -> T? {
        guard let value = table[key] else { return nil }
        switch parse(value) {
        case .success(let result):
            return result
        case .failure(let problem):
            error(problem.message, at: path.appending(key))
            return nil
        }
    }

    /// A table-valued key, or nil (reported) when it holds something else.
    mutating func table(_ value: ConfigValue, at path: ConfigPath, describing what: String) -> [String: ConfigValue]? {
        guard case .table(let table) = value else {
            error("expected \(what) to be a table, found \(value.kindDescription)", at: path)
            return nil
        }
        return table
    }
}
