/// The names a configuration string may refer to when it is expanded for one process instance.
public struct ExpansionContext: Sendable, Equatable {
    /// The directory of the file the value is written in (`%(here)s`).
    public var here: String
    public var programName: String
    /// The instance's number, from `numprocs_start` (`%(process_num)02d`).
    public var processNumber: Int
    public var groupName: String
    /// This machine's host name (`%(host_node_name)s`).
    public var hostName: String
    /// The daemon's environment (`%(ENV_X)s`, `${X}`, `${X:-default}`).
    public var environment: [String: String]

    public init(
        here: String, programName: String, processNumber: Int, groupName: String, hostName: String,
        environment: [String: String]
    ) {
        self.here = here
        self.programName = programName
        self.processNumber = processNumber
        self.groupName = groupName
        self.hostName = hostName
        self.environment = environment
    }

    /// A supervisord-style `%(NAME)s` value: a string or, for `process_num`, a number.
    enum NamedValue: Equatable {
        case text(String)
        case number(Int)
    }

    /// The value of a `%(NAME)` expansion, or nil when no such name exists.
    func value(named name: String) -> NamedValue? {
        switch name {
        case "here": return .text(here)
        case "program_name": return .text(programName)
        case "process_num": return .number(processNumber)
        case "group_name": return .text(groupName)
        case "host_node_name": return .text(hostName)
        default:
            guard name.hasPrefix("ENV_") else { return nil }
            return environment[String(name.dropFirst(4))].map(NamedValue.text)
        }
    }

    /// The `%(NAME)` names that exist in every context, for did-you-mean suggestions.
    static let knownNames = ["here", "program_name", "process_num", "group_name", "host_node_name"]
}
