import SystemPackage

/// Everything needed to start one child: the complete argv (no shell involved), the complete environment, and
/// the working directory, umask, user and standard descriptors to start it with.
public struct SpawnRequest: Sendable {
    /// The argument vector; `arguments[0]` names the program, searched in the environment's `PATH` when it
    /// has no slash.
    public var arguments: [String]
    /// The complete environment as `NAME=value` strings (see `TendCore.LaunchEnvironment.entries`).
    public var environment: [String]
    /// The working directory, or nil to keep the daemon's.
    public var directory: FilePath?
    /// The file mode creation mask, or nil to inherit the daemon's.
    public var umask: FilePermissions?
    /// The user to run as, by name or numeric id, or nil to keep the daemon's user. Only root can switch.
    public var user: String?
    /// The descriptor that becomes the child's 0, usually `/dev/null`. The caller keeps ownership.
    public var standardInput: FileDescriptor
    /// The descriptor that becomes the child's 1, usually a log pipe. The caller keeps ownership.
    public var standardOutput: FileDescriptor
    /// The descriptor that becomes the child's 2, usually a log pipe. The caller keeps ownership.
    public var standardError: FileDescriptor

    /// Creates a request; every option beyond argv, environment and the three descriptors is off by default.
    public init(
        arguments: [String], environment: [String], directory: FilePath? = nil, umask: FilePermissions? = nil,
        user: String? = nil, standardInput: FileDescriptor, standardOutput: FileDescriptor,
        standardError: FileDescriptor
    ) {
        self.arguments = arguments
        self.environment = environment
        self.directory = directory
        self.umask = umask
        self.user = user
        self.standardInput = standardInput
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// The `PATH` the program is searched in: the child's own, else the default a shell would use.
    var searchPath: String {
        environment.last { $0.hasPrefix("PATH=") }.map { String($0.dropFirst(5)) } ?? "/usr/local/bin:/usr/bin:/bin"
    }
}
