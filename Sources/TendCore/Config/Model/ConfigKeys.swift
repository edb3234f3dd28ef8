/// Every key the configuration knows, per section. Decoding rejects others (with a did-you-mean), and a
/// test keeps this list, the decoder and `schemas/tend.schema.json` in agreement.
public enum ConfigKeys {
    /// The top-level sections.
    public static let sections = ["daemon", "program", "group"]
    /// A top-level key JSON files may carry for editors; it is ignored.
    public static let schemaReference = "$schema"

    /// The keys of `[daemon]`.
    public static let daemon = [
        "socket", "socket_mode", "socket_owner", "include", "log_dir", "state_dir", "pidfile", "logfile",
        "loglevel", "log_format", "environment", "minfds",
    ]

    /// The keys of `[program.NAME]`.
    public static let program = [
        "command", "process_name", "numprocs", "numprocs_start", "priority", "autostart", "startsecs",
        "startretries", "autorestart", "exitcodes", "stopsignal", "stopwaitsecs", "stopasgroup", "killasgroup",
        "user", "directory", "umask", "environment", "redirect_stderr",
        "stdout_logfile", "stdout_logfile_maxbytes", "stdout_logfile_backups",
        "stderr_logfile", "stderr_logfile_maxbytes", "stderr_logfile_backups", "backoff",
    ]

    /// The keys of a program's `backoff` table.
    public static let backoff = ["initial", "max", "multiplier"]

    /// The keys of `[group.NAME]`.
    public static let group = ["programs", "priority"]
}
