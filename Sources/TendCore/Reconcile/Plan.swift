/// One step the runtime should take to bring a process to its desired state, with the reason a person
/// reads in `tend plan`.
public struct PlannedAction: Hashable, Sendable, CustomStringConvertible {
    /// What to do.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Take a new process into the table without starting it (autostart = false, or stopped by operator).
        case add
        /// Start it with `desired`'s settings.
        case start
        /// Stop it; it stays in the table.
        case stop
        /// Stop it so that it starts again with `desired`'s settings.
        case restart
        /// Apply `desired`'s settings without touching the process.
        case update
        /// Drop it from the table: it is no longer desired and no process is left.
        case forget
    }

    public var kind: Kind
    public var name: String
    public var reason: String
    public var priority: Int
    /// The settings to apply, for every kind but stop and forget.
    public var desired: DesiredProcess?

    public init(_ kind: Kind, _ name: String, reason: String, priority: Int, desired: DesiredProcess?) {
        self.kind = kind
        self.name = name
        self.reason = reason
        self.priority = priority
        self.desired = desired
    }

    /// `start web (new in conf.d/web.toml)`.
    public var description: String { "\(kind.rawValue) \(name) (\(reason))" }
}

/// What one reconcile pass should do, in order, and when the loop must wake up next even if nothing else
/// happens.
public struct Plan: Hashable, Sendable {
    /// Stops first (highest priority first), then updates, then starts (lowest priority first).
    public var actions: [PlannedAction]
    /// The earliest lifecycle deadline (a startsecs, a backoff, a stopwaitsecs), or nil when nothing is
    /// due by time alone.
    public var deadline: MonotonicInstant?

    public init(actions: [PlannedAction], deadline: MonotonicInstant?) {
        self.actions = actions
        self.deadline = deadline
    }

    /// Whether the plan changes nothing.
    public var isEmpty: Bool { actions.isEmpty }
}
