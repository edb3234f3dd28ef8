/// What expansion and validation need to know about the machine, given to the pure core by its caller.
public struct HostFacts: Sendable {
    /// This machine's host name (`%(host_node_name)s`).
    public var hostName: String
    /// The daemon's environment (`%(ENV_X)s`, `${X}`).
    public var environment: [String: String]
    /// Whether a user name or numeric uid exists on this machine; an unknown `user` is a warning.
    public var userExists: @Sendable (String) -> Bool

    public init(hostName: String, environment: [String: String], userExists: @escaping @Sendable (String) -> Bool) {
        self.hostName = hostName
        self.environment = environment
        self.userExists = userExists
    }
}
