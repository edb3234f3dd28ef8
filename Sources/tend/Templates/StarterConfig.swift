/// The files `tend init` writes: a commented main file and one example program, the way
/// `echo_supervisord_conf` shows every option of supervisord's.
enum StarterConfig {
    static let files: [(name: String, text: String)] = [
        ("tend.toml", mainFile),
        ("conf.d/hello.toml", helloProgram),
    ]

    static let mainFile = #"""
        # tend's main configuration file.
        #
        # Programs live in conf.d/: one file per program or per group of programs, in TOML or JSON. tend watches
        # that directory: drop a file in and its programs start; edit it and only what changed is touched;
        # delete it and its programs stop. `tend check` validates everything; `tend plan` shows what would change.
        #
        # Relative paths are relative to this file's directory. Every key below shows its default.

        [daemon]
        # The control socket the tend client talks to, and its permissions (owner only by default).
        socket = "tend.sock"
        socket_mode = "0600"
        # socket_owner = "app:app"

        # The files that declare programs and groups.
        include = ["conf.d/*.toml", "conf.d/*.json"]

        # Where program logs go when a program's stdout_logfile / stderr_logfile is "auto".
        log_dir = "logs"

        # Where tend remembers operator commands (`tend stop web` stays stopped across reloads and restarts).
        state_dir = "state"

        # The pid file written by `tend daemon --detach`.
        pidfile = "tend.pid"

        # tend's own log: a file, or /dev/stderr. Levels: trace, debug, info, warn, error, critical.
        logfile = "/dev/stderr"
        loglevel = "info"
        log_format = "human"          # or "json", one object per line

        # Variables added to every program's environment (a program's own environment wins).
        # environment = { TZ = "UTC" }

        # Refuse to start unless the open-file limit can be raised this high (each program costs a few fds).
        minfds = 1024

        """#

    static let helloProgram = #"""
        # An example program. Copy this file to declare your own; every key is shown with its default
        # where it has one. The names and defaults are supervisord's.

        [program.hello]
        # What to run: a string split like a shell would (quotes honoured, no shell run), or an argv array.
        command = "sh -c 'while :; do echo hello from %(program_name)s; sleep 10; done'"

        # directory = "/srv/app"        # working directory (default: tend's own)
        # user = "www-data"             # run as this user (tend must run as root)
        # umask = "022"
        # environment = { PORT = "8000" }

        # How many copies to run; with more than one, process_name must contain %(process_num).
        numprocs = 1
        process_name = "%(program_name)s"
        # numprocs_start = 0

        priority = 999                  # lower starts first and stops last
        autostart = true

        startsecs = 1                   # it must stay up this long to count as started
        startretries = 3                # failed starts in a row before FATAL ("infinite" never gives up)
        # backoff = { initial = 1, max = 60, multiplier = 2 }   # exponential delays (default: 1s, 2s, 3s ...)
        autorestart = "unexpected"      # "always", "unexpected" (exit code not in exitcodes) or "never"
        exitcodes = [0]

        stopsignal = "TERM"
        stopwaitsecs = 10               # then SIGKILL
        stopasgroup = false             # signal the whole process group (needs killasgroup = true)
        killasgroup = false

        # Output: "auto" (log_dir/NAME-stdout.log), "none", a path, or /dev/stdout to pass it through.
        redirect_stderr = false
        stdout_logfile = "auto"
        stdout_logfile_maxbytes = "50MB"
        stdout_logfile_backups = 10
        stderr_logfile = "auto"
        stderr_logfile_maxbytes = "50MB"
        stderr_logfile_backups = 10

        """#
}
