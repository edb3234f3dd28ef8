import TendSupervisor

/// The lines `start`, `stop`, `restart` and `signal` print, one per process, as supervisorctl words
/// them: `web: started`, `web: ERROR (spawn error: cannot execute /nope: No such file or directory)`.
public enum CommandResultLines {
    /// One line for `result` of the command `verb` (start, stop, restart, signal).
    public static func line(for result: CommandResult, verb: String, color: Bool) -> String {
        guard let error = result.error else {
            return "\(result.name): \(pastTense(verb))\n"
        }
        return "\(result.name): " + TerminalStyle.red.apply("ERROR", color: color) + " (\(words(for: error)))\n"
    }

    /// The line for a selector the daemon does not know.
    public static func line(forUnknown selector: String, error: ControlError, color: Bool) -> String {
        "\(selector): " + TerminalStyle.red.apply("ERROR", color: color) + " (\(words(for: error)))\n"
    }

    /// `spawn error: MESSAGE`: the code in words, then the daemon's message.
    static func words(for error: ControlError) -> String {
        let code: String
        switch error.code {
        case .badName: code = "no such process"
        default: code = error.code.rawValue.replacingUnderscores()
        }
        return error.message.isEmpty ? code : "\(code): \(error.message)"
    }

    private static func pastTense(_ verb: String) -> String {
        switch verb {
        case "start": return "started"
        case "stop": return "stopped"
        case "restart": return "restarted"
        case "signal": return "signalled"
        default: return verb + "ed"
        }
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
