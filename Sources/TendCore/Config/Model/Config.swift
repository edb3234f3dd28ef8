/// The whole desired configuration: the daemon's settings, every program and every group, put together
/// from the main file and its includes and fully checked.
public struct Config: Hashable, Sendable {
    public var daemon: DaemonConfig
    /// Programs ordered by name.
    public var programs: [ProgramConfig]
    /// Groups ordered by name.
    public var groups: [GroupConfig]

    public init(daemon: DaemonConfig, programs: [ProgramConfig], groups: [GroupConfig]) {
        self.daemon = daemon
        self.programs = programs
        self.groups = groups
    }

    /// The program named `name`.
    public func program(named name: String) -> ProgramConfig? {
        programs.first { $0.name == name }
    }
}
