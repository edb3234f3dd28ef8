/// Expands one program into its `numprocs` process instances: every string expanded for the instance's
/// number, the command split into argv, relative paths resolved against the file's directory, and
/// `auto` log targets placed in the daemon's log directory.
enum InstanceExpander {
    /// The program with its instances, or nil when a problem was reported in `diagnostics`.
    static func expand(
        _ draft: ProgramDraft, groupName: String, daemon: DaemonConfig, host: HostFacts, diagnostics: inout [Diagnostic]
    ) -> ProgramConfig? {
        guard let command = draft.command else { return nil }
        var reported = Set<Diagnostic>()
        var failed = false
        func report(_ diagnostic: Diagnostic) {
            failed = failed || diagnostic.severity == .error
            if reported.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
        }
        var instances: [ProcessSpec] = []
        for number in draft.numprocsStart..<(draft.numprocsStart + draft.numprocs) {
            let context = ExpansionContext(
                here: draft.origin.directory, programName: draft.name, processNumber: number, groupName: groupName,
                hostName: host.hostName, environment: host.environment)
            func expand(_ text: String, at key: String?, element: ConfigPathComponent? = nil) -> String? {
                switch Expander.expand(text, in: context) {
                case .success(let text):
                    return text
                case .failure(let error):
                    report(draft.origin.diagnostic(.error, error.message, at: draft.path(of: key, element: element), offset: error.offset))
                    return nil
                }
            }
            let name = expand(draft.processName ?? ProgramDecoder.defaultProcessName, at: draft.processName == nil ? nil : "process_name") ?? draft.name
            if !ProcessSpec.isValidName(name) {
                report(draft.origin.diagnostic(
                    .error, "process name \"\(name)\" may only hold letters, digits, \"_\", \".\" and \"-\"", at: draft.processNamePath))
            }
            let argv: [String]?
            switch command {
            case .line(let line):
                argv = expand(line, at: "command").flatMap { text in
                    switch CommandLineSplitter.split(text) {
                    case .success(let words) where words.isEmpty:
                        report(draft.origin.diagnostic(.error, "command is empty", at: draft.path(of: "command")))
                        return nil
                    case .success(let words):
                        return words
                    case .failure(let error):
                        report(draft.origin.diagnostic(.error, error.message, at: draft.path(of: "command"), offset: error.offset))
                        return nil
                    }
                }
            case .argv(let items):
                let words = items.enumerated().compactMap { index, item in expand(item, at: "command", element: .index(index)) }
                argv = words.count == items.count ? words : nil
            }
            var environment: [String: String] = [:]
            for (key, value) in draft.environment {
                environment[key] = expand(value, at: "environment", element: .key(key))
            }
            let directory = draft.directory.flatMap { expand($0, at: "directory") }.map { PathResolution.resolve($0, against: draft.origin.directory) }
            let user = draft.user.flatMap { expand($0, at: "user") }
            if let user, !host.userExists(user) {
                report(draft.origin.diagnostic(.warning, "user \"\(user)\" does not exist on this machine; the program will fail to start until it does", at: draft.path(of: "user")))
            }
            let expandLog = { (text: String, key: String?) in expand(text, at: key) }
            let stdout = destination(draft.stdoutLog, stream: "stdout", processName: name, expand: expandLog, draft: draft, daemon: daemon)
            let stderr = draft.redirectStderr
                ? LogDestination.stdout
                : destination(draft.stderrLog, stream: "stderr", processName: name, expand: expandLog, draft: draft, daemon: daemon)
            guard let argv, let stdout, let stderr else { continue }
            instances.append(ProcessSpec(
                name: name, processNumber: number, argv: argv, directory: directory, environment: environment,
                user: user, umask: draft.umask, stdout: stdout, stderr: stderr))
        }
        guard !failed else { return nil }
        return ProgramConfig(
            name: draft.name, file: draft.origin.file, groupName: groupName, numprocs: draft.numprocs,
            numprocsStart: draft.numprocsStart, priority: draft.priority, autostart: draft.autostart,
            lifecycle: draft.lifecycle, instances: instances)
    }

    private static func destination(
        _ log: ProgramDraft.Log, stream: String, processName: String, expand: (String, String?) -> String?,
        draft: ProgramDraft, daemon: DaemonConfig
    ) -> LogDestination? {
        guard let target = log.target, target.lowercased() != "auto" else {
            return .file(path: daemon.logDirectory + "/\(processName)-\(stream).log", maxBytes: log.maxBytes, backups: log.backups)
        }
        switch target.lowercased() {
        case "none":
            return LogDestination.none
        default:
            guard let path = expand(target, "\(stream)_logfile") else { return nil }
            return .file(path: PathResolution.resolve(path, against: draft.origin.directory), maxBytes: log.maxBytes, backups: log.backups)
        }
    }
}
