/// What an operator asked of one process with `tend start`, `stop` or `restart`. It is kept in the daemon's
/// state directory, so neither a reload nor a restart of the daemon undoes it.
public struct OperatorOverride: Hashable, Sendable, Codable {
    /// The operator's wish.
    public enum Intent: String, Hashable, Sendable, Codable {
        /// Run it (even with `autostart = false`); `tend start` or `tend restart`.
        case started
        /// Keep it stopped (even with `autostart = true`); `tend stop`.
        case stopped
    }

    public var intent: Intent
    /// Grows with every operator command on the process, so each `start` or `restart` is carried out
    /// exactly once however often the planner runs.
    public var generation: UInt64

    public init(intent: Intent, generation: UInt64) {
        self.intent = intent
        self.generation = generation
    }
}
