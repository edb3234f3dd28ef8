/// What a running process was started with. A process whose desired fingerprint differs from the one it
/// was launched with must be restarted to apply the change; every other setting applies in place.
///
/// Kept in one immutable box, so that copying it (every activation holds one) costs a single reference
/// count, and two fingerprints from the same box are equal at once.
public struct LaunchFingerprint: Hashable, Sendable {
    private struct Fields: Hashable, Sendable {
        var argv: [String]
        var directory: String?
        var environment: [String: String]
        var user: String?
        var umask: UInt32?
        var stdoutTarget: String
        var stderrTarget: String
    }

    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private let storage: Storage

    public init(_ spec: ProcessSpec) {
        storage = Storage(Fields(
            argv: spec.argv, directory: spec.directory, environment: spec.environment, user: spec.user,
            umask: spec.umask, stdoutTarget: LaunchFingerprint.target(spec.stdout),
            stderrTarget: LaunchFingerprint.target(spec.stderr)))
    }

    public var argv: [String] { storage.fields.argv }
    public var directory: String? { storage.fields.directory }
    public var environment: [String: String] { storage.fields.environment }
    public var user: String? { storage.fields.user }
    public var umask: UInt32? { storage.fields.umask }
    /// Where stdout and stderr go; rotation sizes are left out, since they apply in place.
    public var stdoutTarget: String { storage.fields.stdoutTarget }
    public var stderrTarget: String { storage.fields.stderrTarget }

    /// Whether both values were made from the same box: equal without comparing any field.
    public func isIdentical(to other: LaunchFingerprint) -> Bool { storage === other.storage }

    public static func == (lhs: LaunchFingerprint, rhs: LaunchFingerprint) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    private static func target(_ destination: LogDestination) -> String {
        switch destination {
        case .file(let path, _, _): return path
        case .none: return "none"
        case .stdout: return "stdout"
        }
    }

    /// The launch settings that differ from `old`, named as the configuration names them
    /// ("command", "environment", "stdout_logfile").
    public func changes(from old: LaunchFingerprint) -> [String] {
        var changed: [String] = []
        if argv != old.argv { changed.append("command") }
        if directory != old.directory { changed.append("directory") }
        if environment != old.environment { changed.append("environment") }
        if user != old.user { changed.append("user") }
        if umask != old.umask { changed.append("umask") }
        if stdoutTarget != old.stdoutTarget { changed.append("stdout_logfile") }
        if stderrTarget != old.stderrTarget { changed.append("stderr_logfile") }
        return changed
    }
}
