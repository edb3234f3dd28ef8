import TendSupervisor

/// `tend status` for people: `NAME  STATE  DESCRIPTION`, aligned, one process a line, as supervisorctl
/// prints it, with the state in colour on a terminal.
public struct StatusTable: Sendable {
    /// Whether to colour the states.
    public var color: Bool
    /// How a wall-clock time is written (local `Nov 25 07:01 PM` unless a test fixes it).
    public var formatTime: @Sendable (Double) -> String

    public init(color: Bool, formatTime: @escaping @Sendable (Double) -> String = WallClockText.short) {
        self.color = color
        self.formatTime = formatTime
    }

    /// The table, ending with a newline; empty when there are no processes.
    public func render(_ processes: [ProcessStatus]) -> String {
        let nameWidth = processes.map(\.name.count).max() ?? 0
        let stateWidth = max(8, processes.map(\.state.count).max() ?? 0)
        return processes.map { process in
            let name = process.name + String(repeating: " ", count: nameWidth + 2 - process.name.count)
            let state = Self.style(of: process.state).map { $0.apply(process.state, color: color) } ?? process.state
            let gap = String(repeating: " ", count: stateWidth + 2 - process.state.count)
            var line = name + state + gap + description(of: process)
            while line.utf8.last == UInt8(ascii: " ") { line.removeLast() }
            return line + "\n"
        }.joined()
    }

    /// The DESCRIPTION column: what the state means for this process now.
    public func description(of process: ProcessStatus) -> String {
        var parts: [String] = []
        switch process.state {
        case "RUNNING":
            var text = process.pid.map { "pid \($0)" } ?? ""
            if let uptime = process.uptimeSeconds { text += (text.isEmpty ? "" : ", ") + "uptime " + WallClockText.uptime(uptime) }
            parts.append(text)
        case "STARTING", "STOPPING":
            if let pid = process.pid { parts.append("pid \(pid)") }
        case "EXITED":
            parts.append([process.stoppedAt.map(formatTime), process.lastExit].compactMap { $0 }.joined(separator: ", "))
        case "STOPPED":
            parts.append(process.stoppedAt.map(formatTime) ?? "Not started")
        case "BACKOFF", "FATAL":
            parts.append(process.error ?? "Exited too quickly (process log may have details)")
        default:
            break
        }
        // BACKOFF and FATAL show the error already; EXITED shows how it ended instead.
        if let error = process.error, !["BACKOFF", "FATAL"].contains(process.state), process.state != "EXITED" || process.lastExit == nil {
            parts.append(error)
        }
        if process.override == "stopped" { parts.append("(stopped by operator)") }
        if process.file == nil { parts.append("(removed from the configuration)") }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    private static func style(of state: String) -> TerminalStyle? {
        switch state {
        case "RUNNING": return .green
        case "STARTING", "STOPPING", "BACKOFF": return .yellow
        case "FATAL", "UNKNOWN": return .boldRed
        default: return nil
        }
    }
}
