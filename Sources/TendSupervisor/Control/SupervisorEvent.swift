import TendCore

/// Something that happened in the supervisor, as `tend events` streams it.
public enum SupervisorEvent: Hashable, Sendable, Codable {
    /// A process changed state.
    case stateChanged(name: String, from: String, to: String, pid: Int32?, detail: String?, time: Double)
    /// A reconcile pass applied a plan after the configuration changed.
    case reloaded(actions: [String], time: Double)
    /// A configuration file has errors; its last good programs keep running.
    case configError(file: String, diagnostics: [String], time: Double)
    /// A file that had errors is valid again.
    case configFixed(file: String, time: Double)
}
