/// The `[daemon]` section: how the supervisor itself runs. Only the main file may have it.
///
/// Paths are absolute: relative ones were resolved against the main file's directory when loaded.
public struct DaemonConfig: Hashable, Sendable {
    /// The verbosity of the daemon's own log, with supervisord's level names.
    public enum LogLevel: String, Hashable, Sendable, CaseIterable {
        case trace, debug, info, warn, error, critical
    }

    /// How the daemon's own log lines are written.
    public enum LogFormat: String, Hashable, Sendable, CaseIterable {
        /// One readable line per event.
        case human
        /// One JSON object per line, for log collectors.
        case json
    }

    /// The control socket's path.
    public var socket: String
    /// The socket file's permission bits (0600: owner only).
    public var socketMode: UInt32
    /// `user` or `user:group` to own the socket, or nil for the daemon's own user.
    public var socketOwner: String?
    /// Glob patterns of the files that hold programs and groups, as written (relative to the main file).
    public var include: [String]
    /// Where `auto` program logs are written.
    public var logDirectory: String
    /// Where operator overrides are kept across reloads and restarts.
    public var stateDirectory: String
    /// The pid file `tend daemon --detach` writes.
    public var pidfile: String
    /// The daemon's own log: a path, or `/dev/stderr` / `/dev/stdout`.
    public var logfile: String
    public var loglevel: LogLevel
    public var logFormat: LogFormat
    /// Variables added to every program's environment.
    public var environment: [String: String]
    /// The daemon refuses to start when it cannot raise its open-file limit this high.
    public var minfds: Int

    /// The defaults, with relative paths resolved against `directory` (the main file's directory).
    public static func defaults(in directory: String) -> DaemonConfig {
        DaemonConfig(
            socket: PathResolution.resolve("tend.sock", against: directory),
            socketMode: 0o600,
            socketOwner: nil,
            include: ["conf.d/*.toml", "conf.d/*.json"],
            logDirectory: PathResolution.resolve("logs", against: directory),
            stateDirectory: PathResolution.resolve("state", against: directory),
            pidfile: PathResolution.resolve("tend.pid", against: directory),
            logfile: "/dev/stderr",
            loglevel: .info,
            logFormat: .human,
            environment: [:],
            minfds: 1024
        )
    }
}
