import TendSupervisor

/// `tend plan` and `tend apply` for people: a diff-like list (`+ start web (new in conf.d/web.toml)`,
/// `~ restart api (command changed)`, `- stop old (removed)`), then a summary. It takes a `PlanReport`
/// from anywhere, the daemon or a plan made locally when no daemon runs.
public struct PlanRendering: Sendable {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    /// The plan as `tend plan` prints it.
    public func plan(_ report: PlanReport) -> String {
        var text = diagnostics(report) + report.actions.map(line).joined()
        if report.invalid {
            text += "The configuration has errors: files with errors keep their last good programs.\n"
        }
        text += report.actions.isEmpty ? "No changes: the processes match the configuration.\n" : "Plan: \(summary(report)).\n"
        return text
    }

    /// What `tend apply` did.
    public func applied(_ report: PlanReport) -> String {
        var text = diagnostics(report) + report.actions.map(line).joined()
        if report.invalid {
            text += "The configuration has errors: files with errors keep their last good programs.\n"
        }
        text += report.actions.isEmpty ? "Nothing to apply: the processes match the configuration.\n" : "Applied: \(summary(report)).\n"
        return text
    }

    /// The exit code of `tend plan`: 1 invalid, 2 changes pending, 0 nothing to do.
    public static func planExitCode(_ report: PlanReport) -> ControlExitCode {
        report.invalid ? .actionFailed : report.actions.isEmpty ? .success : .changesPending
    }

    /// The exit code of `tend apply`: 1 when the configuration has errors, else 0.
    public static func applyExitCode(_ report: PlanReport) -> ControlExitCode {
        report.invalid ? .actionFailed : .success
    }

    /// `+ start web (new in conf.d/web.toml)`.
    public func line(_ action: PlanReport.Action) -> String {
        let (symbol, style) = Self.marker(for: action.kind)
        let reason = action.reason.isEmpty ? "" : " (\(action.reason))"
        return style.apply("\(symbol) \(action.kind) \(action.name)", color: color) + reason + "\n"
    }

    private func diagnostics(_ report: PlanReport) -> String {
        report.diagnostics.map { $0 + "\n" }.joined()
    }

    /// `2 to start, 1 to stop`, kinds in the order they first appear.
    private func summary(_ report: PlanReport) -> String {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for action in report.actions {
            if counts[action.kind] == nil { order.append(action.kind) }
            counts[action.kind, default: 0] += 1
        }
        return order.map { "\(counts[$0]!) to \($0)" }.joined(separator: ", ")
    }

    private static func marker(for kind: String) -> (String, TerminalStyle) {
        switch kind {
        case "start", "add": return ("+", .green)
        case "stop", "forget": return ("-", .red)
        default: return ("~", .yellow)
        }
    }
}
