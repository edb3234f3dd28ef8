/// What a running process was started with. A process whose desired fingerprint differs from the one it
/// was launched with must be restarted to apply the change; every other setting applies in place.
public struct LaunchFingerprint: Hashable, Sendable {
    public var argv: [String]
    public var directory: String?
    public var environment: [String: String]
    public var user: String?
    public var umask: UInt32?
    /// Where stdout and stderr go; rotation sizes are left out, since they apply in place.
    public var stdoutTarget: String
    public var stderrTarget: String

    public init(_ spec: ProcessSpec) {
        argv = spec.argv
        directory = spec.directory
        environment = spec.environment
        user = spec.user
        umask = spec.umask
        stdoutTarget = LaunchFingerprint.target(spec.stdout)
        stderrTarget = LaunchFingerprint.target(spec.stderr)
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
