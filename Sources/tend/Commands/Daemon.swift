import ArgumentParser
import Glibc
import Logging
import TendCore
import TendSupervisor
import TendSystem

extension Tend {
    /// `tend daemon`: run the supervisor in the foreground.
    struct Daemon: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the supervisor: start the configured programs and keep them as the configuration says.",
            discussion: """
                Runs in the foreground (for containers and systemd). Changes to the configuration files apply \
                live. SIGTERM or SIGINT stop every program (highest priority first) and then exit 0; SIGHUP \
                rereads the configuration now; SIGUSR2 reopens the log files.

                Exit codes: 0 stopped cleanly; 1 start-up failed (invalid main file, state or log directory \
                unusable); 2 usage error or unreadable main file.
                """)

        @OptionGroup var config: ConfigFileOption

        @Option(help: ArgumentHelp("How the daemon's own log is written: human or json (default: the config's log_format).", valueName: "FORMAT"))
        var logFormat: DaemonConfig.LogFormat?

        func run() async throws {
            guard let mainFile = config.resolve() else { throw ExitCode(2) }
            let workingDirectory = CurrentDirectory.path()
            let host = HostFacts.local()
            let loader = ConfigLoader(fileSystem: LocalConfigFileSystem(), host: host, workingDirectory: workingDirectory)
            let loaded: LoadedConfig
            do {
                loaded = try loader.load(mainFile: mainFile)
            } catch {
                FileHandleOutput.standardError.write("tend: cannot read \(mainFile): \(error.reasonDescription)\n")
                throw ExitCode(2)
            }
            let mainErrors = loaded.diagnostics.filter { $0.file == mainFile && $0.severity == .error }
            guard mainErrors.isEmpty, let daemon = loaded.fragments.first?.daemon else {
                for diagnostic in mainErrors { FileHandleOutput.standardError.write(diagnostic.description + "\n") }
                FileHandleOutput.standardError.write("tend: \(mainFile) is invalid; not starting\n")
                throw ExitCode(1)
            }
            let logger = try bootstrapLogging(daemon)
            let limits = raiseOpenFileLimit(minimum: daemon.minfds, logger: logger)
            guard limits else { throw ExitCode(1) }

            let supervisor: Supervisor
            do {
                supervisor = try Supervisor(
                    settings: .init(mainFile: mainFile, workingDirectory: workingDirectory, host: host),
                    initial: loaded, daemon: daemon, logger: logger)
            } catch {
                logger.critical("cannot start: \(error)")
                throw ExitCode(1)
            }
            let signals = SignalHandlers()
            signals.on(SIGTERM) { Task { await supervisor.beginShutdown() } }
            signals.on(SIGINT) { Task { await supervisor.beginShutdown() } }
            signals.on(SIGHUP) { supervisor.configurationMayHaveChanged() }
            signals.on(SIGUSR2) { Task { await supervisor.reopenLogs() } }
            let watcher = await startWatching(mainFile: mainFile, daemon: daemon, workingDirectory: workingDirectory, supervisor: supervisor, logger: logger)
            await supervisor.run()
            await watcher?.stop()
            withExtendedLifetime(signals) {}
        }

        private func bootstrapLogging(_ daemon: DaemonConfig) throws -> Logger {
            let format = logFormat ?? daemon.logFormat
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
        private func raiseOpenFileLimit(minimum: Int, logger: Logger) -> Bool {
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

        private func startWatching(mainFile: String, daemon: DaemonConfig, workingDirectory: String, supervisor: Supervisor, logger: Logger) async -> ConfigDirectoryWatcher? {
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
