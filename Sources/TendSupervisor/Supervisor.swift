import Logging
import TendCore
import TendSystem

/// The reconcile loop: one actor that owns the process table. It wakes on a child's exit, a configuration
/// change, a lifecycle deadline or an operator command; each pass reads the whole state, asks the pure
/// `Planner` what to do, carries the plan out through the lifecycle state machine, and sleeps until the next
/// wake-up. When nothing happens it is blocked, not polling.
public actor Supervisor {
    /// Where the configuration comes from and what the machine looks like.
    public struct Settings: Sendable {
        /// The main configuration file as the user named it.
        public var mainFile: String
        /// The daemon's working directory, against which `mainFile` is resolved.
        public var workingDirectory: String
        /// Host name, environment and user database for expansion and validation.
        public var host: HostFacts

        public init(mainFile: String, workingDirectory: String, host: HostFacts) {
            self.mainFile = mainFile
            self.workingDirectory = workingDirectory
            self.host = host
        }
    }

    /// The loop's own thread (see `DedicatedExecutor`).
    private nonisolated let executor = DedicatedExecutor(name: "tend-supervisor")
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    let settings: Settings
    let daemon: DaemonConfig
    let logger: Logger
    let clock = MonotonicClock()
    let reaper = Reaper.shared
    let pump: LogPump
    let devNull: Int32
    /// What every program inherits: the daemon's environment with `[daemon] environment` over it.
    let inheritedEnvironment: [String: String]

    var lastKnownGood = LastKnownGood()
    var fragmentCache = FragmentCache()
    /// Every process, desired and observed.
    var processes = ProcessTable()
    /// Whether the next reconcile pass must plan every process: the operator's overrides changed, which the
    /// table's record of changed processes does not see, or a configuration was taken in (the table notes the
    /// processes whose desired value changed, but a pass over all of them costs microseconds).
    var needsFullPass = true
    var overrides: OverrideStore
    /// The files whose errors are being reported, with their diagnostics, until they are fixed.
    var brokenFiles: [String: [String]] = [:]
    var latestDiagnostics: [Diagnostic] = []

    let mailbox = WakeupMailbox()
    var timer: DeadlineTimer
    var events = EventHub()
    var waiters: [Waiter] = []
    var shuttingDown = false
    var finished = false
    var createdDirectories = Set<String>()
    /// The configuration given at creation, taken in when `run()` begins.
    private var initial: ConfigFiles?

    /// A supervisor for the configuration files `initial` (already gathered by the caller, who decides what to
    /// do with an invalid main file), or, with nil, for the configuration `run()` loads when it begins.
    /// Nothing runs until `run()`.
    public init(settings: Settings, initial: ConfigFiles?, daemon: DaemonConfig, logger: Logger) throws {
        self.settings = settings
        self.daemon = daemon
        self.logger = logger
        overrides = try OverrideStore(directory: daemon.stateDirectory)
        pump = try LogPump(logger: logger)
        devNull = Glibc.open("/dev/null", O_RDWR | O_CLOEXEC)
        inheritedEnvironment = settings.host.environment.merging(daemon.environment) { $1 }
        timer = try DeadlineTimer(mailbox: mailbox)
        self.initial = initial
    }

    /// Runs the loop until `shutdown()` has stopped every process.
    public func run() async {
        if let initial {
            takeIn(initial)
            self.initial = nil
        } else {
            reload()
        }
        logger.info("supervising", metadata: ["processes": "\(processes.desiredCount)", "config": "\(settings.mainFile)"])
        settle()
        // Parsing and planning a configuration leave megabytes of freed memory in malloc's arenas (2.6 MiB of 14
        // at 1,000 programs), resident for good unless handed back; a call after each load costs about 1 ms.
        HeapRelease.now()
        for await _ in mailbox.rings {
            var reloaded = false
            for wakeup in mailbox.takeAll() {
                switch wakeup {
                case .exited(let name, let serial, let termination, let time):
                    childExited(name: name, serial: serial, termination: termination, at: clock.instant(time))
                case .configurationChanged:
                    reload()
                    reloaded = true
                case .deadline:
                    timer.fired()
                case .command:
                    break
                }
            }
            settle()
            if reloaded { HeapRelease.now() }
            if shuttingDown && !processes.values.contains(where: { $0.observed.isActive || $0.child != nil }) {
                break
            }
        }
        timer.cancel()
        await pump.shutdown()
        finished = true
        resumeWaiters()
        events.finishAll()
        logger.info("every process is stopped; the supervisor is done")
    }

    /// Asks the loop to reread the configuration (inotify, SIGHUP).
    public nonisolated func configurationMayHaveChanged() {
        mailbox.post(.configurationChanged)
    }

    /// Asks the loop to reopen every log file (SIGUSR2, after logrotate moved them away).
    public func reopenLogs() async {
        await pump.reopenAll()
        logger.info("reopened log files")
    }

    /// Starts stopping everything, highest priority first; `run()` returns once all have stopped.
    public func beginShutdown() {
        guard !shuttingDown else { return }
        shuttingDown = true
        needsFullPass = true
        logger.info("shutting down: stopping every process")
        mailbox.post(.command)
    }
}

import Glibc
