/// Decodes one `[program.NAME]` table: types, ranges and the rules that tie keys together.
enum ProgramDecoder {
    static let defaultProcessName = "%(program_name)s"

    static func decode(name: String, _ table: [String: ConfigValue], at path: ConfigPath, context: inout DecodingContext) -> ProgramDraft {
        let section = "program.\(name)"
        context.rejectUnknownKeys(of: table, at: path, known: ConfigKeys.program, in: section)
        let defaults = LifecycleSpec.supervisordDefaults
        var lifecycle = defaults
        lifecycle.startSeconds = context.read(table, "startsecs", at: path, DurationValue.parse) ?? defaults.startSeconds
        lifecycle.startRetries = context.read(table, "startretries", at: path, PolicyValues.startretries) ?? defaults.startRetries
        lifecycle.autorestart = context.read(table, "autorestart", at: path, PolicyValues.autorestart) ?? defaults.autorestart
        lifecycle.exitCodes = context.read(table, "exitcodes", at: path, PolicyValues.exitcodes).map(Set.init) ?? defaults.exitCodes
        lifecycle.stopSignal = context.read(table, "stopsignal", at: path, PolicyValues.signal) ?? defaults.stopSignal
        lifecycle.stopWaitSeconds = context.read(table, "stopwaitsecs", at: path, DurationValue.parse) ?? defaults.stopWaitSeconds
        lifecycle.stopAsGroup = context.read(table, "stopasgroup", at: path, ScalarValue.boolean) ?? false
        lifecycle.killAsGroup = context.read(table, "killasgroup", at: path, ScalarValue.boolean) ?? false
        if lifecycle.stopAsGroup && !lifecycle.killAsGroup {
            context.error(
                "stopasgroup = true needs killasgroup = true as well, or the SIGKILL after stopwaitsecs would miss the group",
                at: path.appending("stopasgroup"))
        }
        if let value = table["backoff"] {
            lifecycle.backoff = decodeBackoff(value, at: path.appending("backoff"), context: &context)
        }

        let numprocs = context.read(table, "numprocs", at: path, ScalarValue.integer(atLeast: 1)) ?? 1
        let processName = context.read(table, "process_name", at: path, ScalarValue.string)
        if numprocs > 1 && !Expander.mentions("process_num", in: processName ?? defaultProcessName) {
            if processName != nil {
                context.error("must contain %(process_num) when numprocs > 1, so each process gets its own name (e.g. \"%(program_name)s_%(process_num)02d\")", at: path.appending("process_name"))
            } else {
                context.error("numprocs > 1 needs a process_name containing %(process_num), e.g. process_name = \"%(program_name)s_%(process_num)02d\"", at: path.appending("numprocs"))
            }
        }
        let environment = context.read(table, "environment", at: path, ScalarValue.stringTable) ?? [:]
        let redirectStderr = context.read(table, "redirect_stderr", at: path, ScalarValue.boolean) ?? false
        if redirectStderr, table["stderr_logfile"] != nil {
            context.warning("stderr_logfile is ignored because redirect_stderr = true sends stderr to the stdout log", at: path.appending("stderr_logfile"), onKey: true)
        }
        return ProgramDraft(
            name: name,
            origin: context.origin,
            path: path,
            command: decodeCommand(table["command"], at: path, context: &context),
            processName: processName,
            numprocs: numprocs,
            numprocsStart: context.read(table, "numprocs_start", at: path, ScalarValue.integer(atLeast: 0)) ?? 0,
            priority: context.read(table, "priority", at: path, ScalarValue.integer) ?? 999,
            autostart: context.read(table, "autostart", at: path, ScalarValue.boolean) ?? true,
            lifecycle: lifecycle,
            user: context.read(table, "user", at: path, ScalarValue.nonEmptyString),
            directory: context.read(table, "directory", at: path, ScalarValue.nonEmptyString),
            umask: context.read(table, "umask", at: path, OctalModeValue.parse),
            environment: environment,
            redirectStderr: redirectStderr,
            stdoutLog: decodeLog("stdout", table, at: path, context: &context),
            stderrLog: decodeLog("stderr", table, at: path, context: &context)
        )
    }

    private static func decodeCommand(_ value: ConfigValue?, at path: ConfigPath, context: inout DecodingContext) -> ProgramDraft.Command? {
        let commandPath = path.appending("command")
        switch value {
        case nil:
            context.error("command is required: what to run, as a string or an argv array", at: path, onKey: true)
            return nil
        case .string(let text)?:
            guard text.contains(where: { !$0.isWhitespace }) else {
                context.error("command is empty", at: commandPath)
                return nil
            }
            return .line(text)
        case .array(let items)?:
            guard !items.isEmpty else {
                context.error("command is empty; give at least the program to run", at: commandPath)
                return nil
            }
            var argv: [String] = []
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item else {
                    context.error("expected a string, found \(item.kindDescription)", at: commandPath.appending(index: index))
                    return nil
                }
                argv.append(text)
            }
            if argv[0].isEmpty {
                context.error("the program to run is empty", at: commandPath.appending(index: 0))
                return nil
            }
            return .argv(argv)
        case let other?:
            context.error("expected a string or an array of strings, found \(other.kindDescription)", at: commandPath)
            return nil
        }
    }

    private static func decodeLog(_ stream: String, _ table: [String: ConfigValue], at path: ConfigPath, context: inout DecodingContext) -> ProgramDraft.Log {
        let key = "\(stream)_logfile"
        return ProgramDraft.Log(
            target: context.read(table, key, at: path, ScalarValue.nonEmptyString),
            maxBytes: context.read(table, "\(key)_maxbytes", at: path, ByteSizeValue.parse) ?? 50 << 20,
            backups: context.read(table, "\(key)_backups", at: path, ScalarValue.integer(atLeast: 0)) ?? 10
        )
    }

    private static func decodeBackoff(_ value: ConfigValue, at path: ConfigPath, context: inout DecodingContext) -> BackoffPolicy {
        guard let table = context.table(value, at: path, describing: "backoff") else { return .linear }
        context.rejectUnknownKeys(of: table, at: path, known: ConfigKeys.backoff, in: "backoff")
        let initial = context.read(table, "initial", at: path, DurationValue.parse) ?? .seconds(1)
        let max = context.read(table, "max", at: path, DurationValue.parse) ?? .seconds(60)
        var multiplier = context.read(table, "multiplier", at: path, ScalarValue.number) ?? 2
        if !(multiplier >= 1 && multiplier.isFinite) {
            context.error("must be at least 1, found \(multiplier)", at: path.appending("multiplier"))
            multiplier = 2
        }
        if initial <= .zero {
            context.error("must be more than zero", at: path.appending("initial"))
        }
        if max < initial {
            context.error("must not be less than initial (\(initial.seconds)s)", at: path.appending(table["max"] == nil ? "initial" : "max"))
        }
        return .exponential(initial: initial, max: max, multiplier: multiplier)
    }
}
