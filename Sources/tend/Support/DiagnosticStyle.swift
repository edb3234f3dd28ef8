import TendCore

/// How a diagnostic is printed: `FILE:LINE:COL: error: MESSAGE`, with the severity in colour on a terminal.
struct DiagnosticStyle {
    var color: Bool

    func render(_ diagnostic: Diagnostic) -> String {
        guard color else { return diagnostic.description }
        let location = "\(diagnostic.file):\(diagnostic.position.line):\(diagnostic.position.column):"
        let severity = diagnostic.severity == .error ? "\u{1B}[1;31merror:\u{1B}[0m" : "\u{1B}[1;35mwarning:\u{1B}[0m"
        let subject = diagnostic.path.map { $0.components.isEmpty ? "" : "\u{1B}[1m\($0):\u{1B}[0m " } ?? ""
        return "\u{1B}[1m\(location)\u{1B}[0m \(severity) \(subject)\(diagnostic.message)"
    }
}

/// The one line `tend check` ends with.
enum CheckSummary {
    static func line(for loaded: LoadedConfig) -> String {
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        let warnings = loaded.diagnostics.count - errors
        let files = plural(loaded.fragments.count, "file")
        guard let config = loaded.config else {
            let parts = [plural(errors, "error")] + (warnings > 0 ? [plural(warnings, "warning")] : [])
            return "\(loaded.mainFile): invalid: \(parts.joined(separator: ", ")) in \(files)"
        }
        let processes = config.programs.reduce(0) { $0 + $1.instances.count }
        var text = "\(loaded.mainFile): valid: \(plural(config.programs.count, "program")) (\(plural(processes, "process", "processes")))"
        if !config.groups.isEmpty { text += ", \(plural(config.groups.count, "group"))" }
        text += " in \(files)"
        if warnings > 0 { text += ", \(plural(warnings, "warning"))" }
        return text
    }

    private static func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : (pluralForm ?? singular + "s"))
    }
}
