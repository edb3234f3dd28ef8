/// What one configuration file contributes: its programs and groups (and, for the main file, the daemon
/// settings), decoded and checked on their own, before the files are put together.
///
/// Keeping files apart until assembly is what lets a broken file be reported, and its last good fragment
/// kept running, without touching the others.
public struct ConfigFragment: Sendable, Equatable {
    /// The file's path as shown in diagnostics.
    public var file: String
    var origin: DocumentOrigin
    /// The `[daemon]` section's settings, only for the main file.
    public internal(set) var daemon: DaemonConfig? {
        get { daemonBox?.settings }
        set { daemonBox = newValue.map(DaemonBox.init) }
    }
    var programs: [ProgramDraft]
    var groups: [GroupConfig]
    /// Group paths for locating errors found at assembly.
    var groupPaths: [String: ConfigPath]
    /// Problems found in this file alone.
    public var diagnostics: [Diagnostic]

    /// The daemon settings out of line: inline, they would make every fragment (a thousand included files
    /// have none) as large as the settings, in each of the two dictionaries that keep fragments by file.
    private var daemonBox: DaemonBox?

    init(
        file: String, origin: DocumentOrigin, daemon: DaemonConfig?, programs: [ProgramDraft], groups: [GroupConfig],
        groupPaths: [String: ConfigPath], diagnostics: [Diagnostic]
    ) {
        self.file = file
        self.origin = origin
        self.programs = programs
        self.groups = groups
        self.groupPaths = groupPaths
        self.diagnostics = diagnostics
        self.daemon = daemon
    }

    /// The names of the programs the file defines.
    public var programNames: [String] { programs.map(\.name) }
}

/// A string as written in a file, with the key path it was read from, so expansion errors can be located.
struct LocatedString: Sendable, Equatable {
    var text: String
    var path: ConfigPath
}

/// A program as one file defines it: typed and range-checked, its strings not yet expanded (that needs
/// the group name, which another file may give, and each instance's number).
struct ProgramDraft: Sendable, Equatable {
    enum Command: Sendable, Equatable {
        /// One string, split like a shell would after expansion.
        case line(LocatedString)
        /// An argv array, each element expanded on its own.
        case argv([LocatedString])
    }

    struct Log: Sendable, Equatable {
        var target: LocatedString
        var maxBytes: Int64
        var backups: Int
    }

    var name: String
    var origin: DocumentOrigin
    var path: ConfigPath
    var command: Command?
    var processName: LocatedString
    var numprocs: Int
    var numprocsStart: Int
    var priority: Int
    var autostart: Bool
    var lifecycle: LifecycleSpec
    var user: LocatedString?
    var directory: LocatedString?
    var umask: UInt32?
    var environment: [String: LocatedString]
    var redirectStderr: Bool
    var stdoutLog: Log
    var stderrLog: Log
}

/// A main file's daemon settings, boxed so that fragments without any stay small.
private final class DaemonBox: Sendable, Equatable {
    let settings: DaemonConfig

    init(_ settings: DaemonConfig) {
        self.settings = settings
    }

    static func == (lhs: DaemonBox, rhs: DaemonBox) -> Bool {
        lhs.settings == rhs.settings
    }
}
