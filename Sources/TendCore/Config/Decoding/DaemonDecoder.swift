/// Decodes the `[daemon]` table of the main file.
enum DaemonDecoder {
    static func decode(_ table: [String: ConfigValue], at path: ConfigPath, context: inout DecodingContext) -> DaemonConfig {
        context.rejectUnknownKeys(of: table, at: path, known: ConfigKeys.daemon, in: "[daemon]")
        let directory = context.origin.directory
        var daemon = DaemonConfig.defaults(in: directory)
        func resolvedPath(_ key: String, _ current: String, _ context: inout DecodingContext) -> String {
            context.read(table, key, at: path, ScalarValue.nonEmptyString).map { PathResolution.resolve($0, against: directory) } ?? current
        }
        daemon.socket = resolvedPath("socket", daemon.socket, &context)
        daemon.socketMode = context.read(table, "socket_mode", at: path, OctalModeValue.parse) ?? daemon.socketMode
        daemon.socketOwner = context.read(table, "socket_owner", at: path, ScalarValue.nonEmptyString)
        daemon.include = context.read(table, "include", at: path, ScalarValue.stringArray) ?? daemon.include
        daemon.logDirectory = resolvedPath("log_dir", daemon.logDirectory, &context)
        daemon.stateDirectory = resolvedPath("state_dir", daemon.stateDirectory, &context)
        daemon.pidfile = resolvedPath("pidfile", daemon.pidfile, &context)
        daemon.logfile = resolvedPath("logfile", daemon.logfile, &context)
        daemon.loglevel = context.read(table, "loglevel", at: path, ScalarValue.choice(DaemonConfig.LogLevel.self)) ?? daemon.loglevel
        daemon.logFormat = context.read(table, "log_format", at: path, ScalarValue.choice(DaemonConfig.LogFormat.self)) ?? daemon.logFormat
        daemon.environment = context.read(table, "environment", at: path, ScalarValue.stringTable) ?? daemon.environment
        daemon.minfds = context.read(table, "minfds", at: path, ScalarValue.integer(atLeast: 0)) ?? daemon.minfds
        return daemon
    }
}
