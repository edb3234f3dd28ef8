/// The environment a program is started with: the daemon's own environment, the variables tend sets to tell a
/// program who it is, and the program's configured `environment`, in that order of precedence.
///
/// tend sets `TEND_PROCESS_NAME` and `TEND_GROUP_NAME`, and also supervisord's `SUPERVISOR_ENABLED=1`,
/// `SUPERVISOR_PROCESS_NAME` and `SUPERVISOR_GROUP_NAME`, so programs written for supervisord keep working.
/// As in supervisord, the program's own `environment` wins over everything, these variables included.
public struct LaunchEnvironment: Hashable, Sendable {
    /// The composed variables by name.
    public let variables: [String: String]

    /// Composes the environment for one process instance.
    /// - Parameters:
    ///   - daemon: the daemon's own environment, inherited by every program.
    ///   - program: the program's configured `environment`, which overrides anything inherited.
    ///   - processName: the instance's name, as `process_name` expands it (`web_01`).
    ///   - groupName: the name of the group the instance belongs to (the program's name when it has no group).
    public init(daemon: [String: String], program: [String: String], processName: String, groupName: String) {
        var variables = daemon
        variables["TEND_PROCESS_NAME"] = processName
        variables["TEND_GROUP_NAME"] = groupName
        variables["SUPERVISOR_ENABLED"] = "1"
        variables["SUPERVISOR_PROCESS_NAME"] = processName
        variables["SUPERVISOR_GROUP_NAME"] = groupName
        variables.merge(program) { _, configured in configured }
        self.variables = variables
    }

    /// The variables as `NAME=value` strings, sorted by name, the form `execve(2)` takes; sorted so that
    /// the same configuration always yields the same list (and the same launch fingerprint).
    public var entries: [String] {
        variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }
}
