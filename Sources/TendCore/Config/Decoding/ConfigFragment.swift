/// What one configuration file contributes: its programs and groups (and, for the main file, the daemon
/// settings), decoded and checked on their own, before the files are put together.
///
/// Keeping files apart until assembly is what lets a broken file be reported, and its last good fragment
/// kept running, without touching the others.
///
/// A value with its fields in one shared, immutable box: the loader's cache and the last-known-good set both
/// keep every file's fragment by path, and each would otherwise hold its own inline copy of every fragment
/// in its dictionary's storage (a thousand included files made that about 0.3 MiB apiece).
public struct ConfigFragment: Sendable, Equatable {
    private struct Fields: Sendable, Equatable {
        var file: String
        var origin: DocumentOrigin
        /// Out of line: inline, the settings would make every fragment (a thousand included files have none)
        /// as large as the settings.
        var daemon: DaemonBox?
        var programs: [ProgramDraft]
        var groups: [GroupConfig]
        var groupPaths: [String: ConfigPath]
        var diagnostics: [Diagnostic]
    }

    private final class Storage: Sendable {
        let fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private var storage: Storage

    init(
        file: String, origin: DocumentOrigin, daemon: DaemonConfig?, programs: [ProgramDraft], groups: [GroupConfig],
        groupPaths: [String: ConfigPath], diagnostics: [Diagnostic]
    ) {
        storage = Storage(Fields(
            file: file, origin: origin, daemon: daemon.map(DaemonBox.init), programs: programs, groups: groups,
            groupPaths: groupPaths, diagnostics: diagnostics))
    }

    /// The file's path as shown in diagnostics.
    public var file: String { storage.fields.file }
    var origin: DocumentOrigin { storage.fields.origin }
    /// The `[daemon]` section's settings, only for the main file.
    public var daemon: DaemonConfig? { storage.fields.daemon?.settings }
    var programs: [ProgramDraft] { storage.fields.programs }
    var groups: [GroupConfig] { storage.fields.groups }
    /// Group paths for locating errors found at assembly.
    var groupPaths: [String: ConfigPath] { storage.fields.groupPaths }
    /// Problems found in this file alone.
    public internal(set) var diagnostics: [Diagnostic] {
        get { storage.fields.diagnostics }
        set {
            var fields = storage.fields
            fields.diagnostics = newValue
            storage = Storage(fields)
        }
    }

    /// The names of the programs the file defines.
    public var programNames: [String] { programs.map(\.name) }

    public static func == (lhs: ConfigFragment, rhs: ConfigFragment) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }
}

/// A program as one file defines it: typed and range-checked, its strings not yet expanded (that needs
/// the group name, which another file may give, and each instance's number).
///
/// The strings are kept as written, without the key path each came from: a path is an array, and one for
/// every string of every program would be kept as long as the file is loaded for the rare diagnostic that
/// needs it. `path(of:)` finds it again from the program's own path.
struct ProgramDraft: Sendable, Equatable {
    enum Command: Sendable, Equatable {
        /// One string, split like a shell would after expansion.
        case line(String)
        /// An argv array, each element expanded on its own.
        case argv([String])
    }

    struct Log: Sendable, Equatable {
        /// The target as written, nil when the key is absent (an `auto` log).
        var target: String?
        var maxBytes: Int64
        var backups: Int
    }

    var name: String
    var origin: DocumentOrigin
    var path: ConfigPath
    var command: Command?
    /// As written, nil when absent (the default, `%(program_name)s`).
    var processName: String?
    var numprocs: Int
    var numprocsStart: Int
    var priority: Int
    var autostart: Bool
    var lifecycle: LifecycleSpec
    var user: String?
    var directory: String?
    var umask: UInt32?
    var environment: [String: String]
    var redirectStderr: Bool
    var stdoutLog: Log
    var stderrLog: Log

    /// Where the program's `key` is written, and `element` of it for an array or a table; the program's own
    /// table for nil (a default stands in for a key that is not written).
    func path(of key: String?, element: ConfigPathComponent? = nil) -> ConfigPath {
        var located = path
        if let key { located.components.append(.key(key)) }
        if let element { located.components.append(element) }
        return located
    }

    /// Where the process name is written: its key, or the program's table when the default stands in.
    var processNamePath: ConfigPath {
        path(of: processName == nil ? nil : "process_name")
    }
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
