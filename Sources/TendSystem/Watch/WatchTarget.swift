/// Something a `ConfigDirectoryWatcher` keeps an eye on.
public enum WatchTarget: Hashable, Sendable {
    /// A directory and every real subdirectory beneath it (conf.d). While the directory is missing, its
    /// nearest existing ancestor is watched until it reappears.
    case directoryTree(String)
    /// One file, through its directory, so that a save by rename (vim, `sed -i`, write and `mv`) is seen
    /// as well as an edit in place (the main tend.toml).
    case file(String)

    /// The path as given.
    public var path: String {
        switch self {
        case .directoryTree(let path), .file(let path): return path
        }
    }
}

/// How a watcher paces its notifications.
public struct ConfigWatchOptions: Sendable {
    /// How long events must stop before the consumer is told; editors' saves and `tar x` fall inside it.
    public var quietWindow: Duration
    /// The longest a continuous burst of events can delay a notification.
    public var burstCap: Duration
    /// The interval of unconditional notifications, which catch what inotify cannot report (a symbolic
    /// link to a file outside the watched tree, a network file system); nil turns them off.
    public var safetyInterval: Duration?
    /// Told about a problem the watcher meets after it started, such as a subdirectory it could not watch.
    public var onProblem: (@Sendable (WatchError) -> Void)?

    /// Options with the given pacing; the defaults suit a supervisor.
    public init(
        quietWindow: Duration = .milliseconds(20),
        burstCap: Duration = .milliseconds(300),
        safetyInterval: Duration? = .seconds(60),
        onProblem: (@Sendable (WatchError) -> Void)? = nil
    ) {
        self.quietWindow = quietWindow
        self.burstCap = burstCap
        self.safetyInterval = safetyInterval
        self.onProblem = onProblem
    }
}
