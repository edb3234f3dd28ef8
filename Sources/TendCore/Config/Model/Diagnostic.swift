/// One problem found in the configuration, located so that an editor can jump to it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// Whether the problem stops the configuration from being used.
    public enum Severity: String, Hashable, Sendable {
        /// The file (or the whole configuration) cannot be used as written.
        case error
        /// Worth knowing, but the configuration is used anyway (e.g. a `user` unknown on this machine).
        case warning
    }

    public var severity: Severity
    /// The file the problem is in, as the user named it or as the include glob found it.
    public var file: String
    public var position: SourcePosition
    /// The key the problem concerns (`program.web.startsecs`), or nil for a problem with the file itself.
    public var path: ConfigPath?
    /// A plain sentence saying what is wrong and, where it helps, what would be right.
    public var message: String

    public init(_ severity: Severity, file: String, position: SourcePosition, path: ConfigPath?, message: String) {
        self.severity = severity
        self.file = file
        self.position = position
        self.path = path
        self.message = message
    }

    /// `FILE:LINE:COL: error: KEY: MESSAGE`, the form compilers use so editors and terminals link to it.
    public var description: String {
        let subject = path.map { $0.components.isEmpty ? "" : "\($0): " } ?? ""
        return "\(file):\(position.line):\(position.column): \(severity.rawValue): \(subject)\(message)"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of the diagnostics is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// The diagnostics ordered by file, then position, so output reads top to bottom.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { ($0.file, $0.position) < ($1.file, $1.position) }
    }
}
