/// One `[program.NAME]` section: what to run and how to keep it running, with supervisord's keys and
/// defaults. String settings that may hold `%(process_num)` are expanded per instance (see `instances`).
public struct ProgramConfig: Hashable, Sendable {
    /// The program's name, the key of its section.
    public var name: String
    /// The file that defines it.
    public var file: String
    /// The group it belongs to: the `[group.NAME]` that lists it, else its own name.
    public var groupName: String
    public var numprocs: Int
    public var numprocsStart: Int
    /// Lower starts first and stops last.
    public var priority: Int
    public var autostart: Bool
    /// How the lifecycle treats each process (startsecs, retries, restarts, stopping, backoff).
    public var lifecycle: LifecycleSpec
    /// One entry per process, `numprocs` of them, with every string expanded.
    public var instances: [ProcessSpec]

    public init(
        name: String, file: String, groupName: String, numprocs: Int, numprocsStart: Int, priority: Int,
        autostart: Bool, lifecycle: LifecycleSpec, instances: [ProcessSpec]
    ) {
        self.name = name
        self.file = file
        self.groupName = groupName
        self.numprocs = numprocs
        self.numprocsStart = numprocsStart
        self.priority = priority
        self.autostart = autostart
        self.lifecycle = lifecycle
        self.instances = instances
    }
}

/// Where one of a process's output streams goes.
public enum LogDestination: Hashable, Sendable {
    /// A file the daemon writes and rotates at `maxBytes` (0: never), keeping `backups` numbered copies.
    /// Non-regular files (`/dev/stdout`, a FIFO) are recognised when opened and passed through unrotated.
    case file(path: String, maxBytes: Int64, backups: Int)
    /// Discarded.
    case none
    /// Into the process's stdout log (`redirect_stderr = true`; stderr only).
    case stdout
}

/// Everything needed to launch one process instance, fully expanded. Its `launchFingerprint` is what a
/// running process was started with: when it changes, the process must be restarted to apply it.
public struct ProcessSpec: Hashable, Sendable {
    /// The process's name (`process_name` expanded), unique across the configuration.
    public var name: String
    /// The instance's number, from `numprocs_start`.
    public var processNumber: Int
    public var argv: [String]
    /// The working directory, or nil for the daemon's own.
    public var directory: String?
    /// The program's own variables (the daemon's environment and tend's variables are added at spawn).
    public var environment: [String: String]
    /// A user name or numeric uid to run as, or nil to run as the daemon's user.
    public var user: String?
    public var umask: UInt32?
    public var stdout: LogDestination
    public var stderr: LogDestination

    /// Whether `name` can name a process: letters, digits, `_`, `.` and `-`, so it is safe in log file
    /// names and in `GROUP:NAME` addresses.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && name.unicodeScalars.allSatisfy {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0)
        }
    }

    public init(
        name: String, processNumber: Int, argv: [String], directory: String?, environment: [String: String],
        user: String?, umask: UInt32?, stdout: LogDestination, stderr: LogDestination
    ) {
        self.name = name
        self.processNumber = processNumber
        self.argv = argv
        self.directory = directory
        self.environment = environment
        self.user = user
        self.umask = umask
        self.stdout = stdout
        self.stderr = stderr
    }
}
