import TendSupervisor

/// One supervisor event as a line for people (`tend events`), or as the wire JSON (`--json`).
public struct EventLine: Sendable {
    public var formatTime: @Sendable (Double) -> String

    public init(formatTime: @escaping @Sendable (Double) -> String = WallClockText.full) {
        self.formatTime = formatTime
    }

    /// `2026-11-25 19:01:02 web: STARTING -> RUNNING (pid 123)`, and the like for the other kinds.
    public func render(_ event: SupervisorEvent) -> String {
        switch event {
        case .stateChanged(let name, let from, let to, let pid, let detail, let time):
            let extra = [pid.map { "pid \($0)" }, detail].compactMap { $0 }.joined(separator: ", ")
            return "\(formatTime(time)) \(name): \(from) -> \(to)" + (extra.isEmpty ? "" : " (\(extra))") + "\n"
        case .reloaded(let actions, let time):
            return "\(formatTime(time)) reload: " + (actions.isEmpty ? "nothing to do" : actions.joined(separator: ", ")) + "\n"
        case .configError(let file, let diagnostics, let time):
            return "\(formatTime(time)) config error in \(file); its last good programs keep running\n"
                + diagnostics.map { "  \($0)\n" }.joined()
        case .configFixed(let file, let time):
            return "\(formatTime(time)) \(file) is valid again\n"
        }
    }

    /// The event's wire JSON on one line (the same object the event stream's `data:` carries).
    public static func json(_ event: SupervisorEvent) -> String {
        ((try? WireJSON.encode(WireEvent(event))).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }
}
