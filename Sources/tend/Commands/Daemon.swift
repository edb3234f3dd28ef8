import ArgumentParser
import Glibc
import Logging
import TendControl
import TendCore
import TendSupervisor
import TendSystem

extension Tend {
    /// `tend daemon`: run the supervisor in the foreground.
    struct Daemon: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "daemon",
            abstract: "Run the supervisor: start the configured programs and keep them as the configuration says.",
            discussion: """
                Runs in the foreground (for containers and systemd; with Type=notify it reports READY=1 once the \
                control socket answers), or in the background with --detach. Changes to the configuration files apply \
                live. SIGTERM or SIGINT stop every program (highest priority first) and then exit 0; SIGHUP \
                rereads the configuration now; SIGUSR2 reopens the log files.

                Exit codes: 0 stopped cleanly; 1 start-up failed (invalid main file, state or log directory \
                unusable); 2 usage error or unreadable main file.
                """)

        @OptionGroup var config: ConfigFileOption

        @Option(help: ArgumentHelp("How the daemon's own log is written: human or json (default: the config's log_format).", valueName: "FORMAT"))
        var logFormat: DaemonConfig.LogFormat?

        @Flag(help: "Run in the background: return once the control socket answers (exit 1 with the reason when start-up fails).")
        var detach = false

        /// What `tend daemon` is asked to do, as its options say.
        struct Request: Equatable {
            /// `-c FILE`, nil for the search path.
            var configFile: String?
            /// `--log-format`, nil for the configuration's.
            var logFormat: DaemonConfig.LogFormat?
            /// `--detach`.
            var detach = false
        }

        func run() async throws {
            try await Self.run(Request(configFile: config.file, logFormat: logFormat, detach: detach))
        }

        /// Runs the daemon as `request` says; throws `ExitCode` when it cannot start.
        static func run(_ request: Request) async throws {
            let logFormat = request.logFormat
            guard let mainFile = ConfigFileOption.resolve(request.configFile) else { throw ExitCode(2) }
            let workingDirectory = CurrentDirectory.path()
            let host = HostFacts.local()
            let loader = ConfigLoader(fileSystem: LocalConfigFileSystem(), host: host, workingDirectory: workingDirectory)
            // Only the main file before the socket: the includes (possibly thousands of files) are loaded by the
            // supervisor once the socket already answers.
            let main: ConfigFragment
            do {
                let bytes = try LocalConfigFileSystem().readFile(PathResolution.resolve(mainFile, against: workingDirectory))
                main = loader.fragment(of: mainFile, bytes: bytes, isMain: true)
            } catch {
                FileHandleOutput.standardError.write("tend: cannot read \(mainFile): \(error.reasonDescription)\n")
                throw ExitCode(2)
            }
            let mainErrors = main.diagnostics.filter { $0.severity == .error }
            guard mainErrors.isEmpty, let daemon = main.daemon else {
                for diagnostic in mainErrors { FileHandleOutput.standardError.write(diagnostic.description + "\n") }
                FileHandleOutput.standardError.write("tend: \(mainFile) is invalid; not starting\n")
                throw ExitCode(1)
            }
            if request.detach {
                try await DaemonDetacher(mainFile: mainFile, daemon: daemon, workingDirectory: workingDirectory, logFormat: logFormat).detach()
                return
            }
            let logger = try bootstrapLogging(daemon, format: logFormat ?? daemon.logFormat)
            let lock: SocketLock
            let pidFile: PidFile
            do {
                lock = try SocketLock.acquire(forSocket: daemon.socket)
            } catch {
                logger.critical("cannot start: \(error)")
                throw ExitCode(1)
            }
            do {
                pidFile = try PidFile.write(to: daemon.pidfile)
            } catch {
                logger.critical("cannot start: \(error)")
                throw ExitCode(1)
            }
            defer {
                pidFile.remove()
                lock.release()
            }
            guard raiseOpenFileLimit(minimum: daemon.minfds, logger: logger) else { throw ExitCode(1) }
            if !TaskPool.installed {
                logger.warning("tasks run on libdispatch's worker pool (the concurrency runtime's hooks were not found): the daemon will wake once a second while idle")
            }
            let supervisor: Supervisor
            let owner: SocketOwner?
            do {
                owner = try daemon.socketOwner.map { text throws in try SocketOwner(resolving: text) }
                supervisor = try Supervisor(
                    settings: .init(mainFile: mainFile, workingDirectory: workingDirectory, host: host),
                    initial: nil, daemon: daemon, logger: logger)
            } catch {
                logger.critical("cannot start: \(error)")
                throw ExitCode(1)
            }
            let notifier = SystemdNotifier(environment: host.environment)
            let signals = SignalRelay.shared
            let stop: @Sendable () -> Void = {
                notifier.notify("STOPPING=1")
                Task { await supervisor.beginShutdown() }
            }
            signals.on(SIGTERM, stop)
            signals.on(SIGINT, stop)
            signals.on(SIGHUP) { supervisor.configurationMayHaveChanged() }
            signals.on(SIGUSR2) { Task { await supervisor.reopenLogs() } }

            let server: ControlServer.Running
            do {
                server = try ControlServer(
                    control: supervisor,
                    configuration: .init(socketPath: daemon.socket, socketMode: daemon.socketMode, socketOwner: owner, version: TendVersion.current),
                    logger: logger
                ).start()
            } catch {
                logger.critical("cannot serve the control socket \(daemon.socket): \(error)")
                throw ExitCode(1)
            }
            logger.info("control socket ready at \(daemon.socket)")
            notifier.notify("READY=1\nMAINPID=\(getpid())")
            let watcher = await startWatching(mainFile: mainFile, daemon: daemon, workingDirectory: workingDirectory, supervisor: supervisor, logger: logger)
            await supervisor.run()
            notifier.notify("STOPPING=1")
            await watcher?.stop()
            await server.stop()
        }

        private static func bootstrapLogging(_ daemon: DaemonConfig, format: DaemonConfig.LogFormat) throws -> Logger {
            var descriptor: Int32 = 2
            if daemon.logfile != "/dev/stderr" {
                descriptor = daemon.logfile == "/dev/stdout" ? 1 : open(daemon.logfile, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
                if descriptor < 0 {
                    FileHandleOutput.standardError.write("tend: cannot open log file \(daemon.logfile): \(String(cString: strerror(errno)))\n")
                    throw ExitCode(1)
                }
            }
            let level = daemon.loglevel.loggerLevel
            let output = descriptor
            LoggingSystem.bootstrap { label in
                DaemonLogHandler(logLevel: level, label: label, format: format, descriptor: output)
            }
            return Logger(label: "tend")
        }

        /// Raises the soft open-file limit to the hard one, as each program costs a few descriptors.
        private static func raiseOpenFileLimit(minimum: Int, logger: Logger) -> Bool {
            do {
                let limit = try FileDescriptorLimit.raiseToHardLimit()
                if limit.wasRaised {
                    logger.info("raised the open-file limit from \(limit.previousSoftLimit) to \(limit.softLimit)")
                }
                if limit.softLimit < UInt64(minimum) {
                    logger.critical("the open-file limit is \(limit.softLimit), below minfds = \(minimum); raise the hard limit (ulimit -Hn) or lower minfds")
                    return false
                }
                if limit.softLimit < 4096 {
                    logger.warning("the open-file limit is \(limit.softLimit): about \(limit.softLimit / 3) programs at most can run (each needs up to 3 descriptors)")
                }
            } catch {
                logger.warning("cannot raise the open-file limit: \(error)")
            }
            return true
        }

        private static func startWatching(mainFile: String, daemon: DaemonConfig, workingDirectory: String, supervisor: Supervisor, logger: Logger) async -> ConfigDirectoryWatcher? {
            let targets = WatchTargets.of(mainFile: mainFile, include: daemon.include, workingDirectory: workingDirectory)
            var options = ConfigWatchOptions()
            options.onProblem = { problem in logger.warning("watching the configuration: \(problem)") }
            do {
                let watcher = try await ConfigDirectoryWatcher.start(watching: targets, options: options)
                Task.detached {
                    for await _ in watcher.changes { supervisor.configurationMayHaveChanged() }
                }
                return watcher
            } catch {
                logger.error("cannot watch the configuration for changes (\(error)); use SIGHUP or `tend apply` to reload")
                return nil
            }
        }
    }
}

extension DaemonConfig.LogFormat: ExpressibleByArgument {}
