/// One `[group.NAME]` section: programs addressed together as `NAME:*`.
public struct GroupConfig: Hashable, Sendable {
    public var name: String
    /// The file that defines it.
    public var file: String
    /// The names of its member programs.
    public var programs: [String]
    public var priority: Int

    public init(name: String, file: String, programs: [String], priority: Int) {
        self.name = name
        self.file = file
        self.programs = programs
        self.priority = priority
    }
}
