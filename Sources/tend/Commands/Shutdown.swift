import ArgumentParser
import TendControl

extension Tend {
    /// `tend shutdown`: stop every process and end the daemon.
    struct Shutdown: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "shutdown",
            abstract: "Stop every process (highest priority first) and end the daemon.",
            discussion: """
                Waits until the daemon no longer answers, up to --timeout seconds.

                Exit codes: 0 the daemon is gone; 1 it still answers after the timeout; \
                69 the daemon cannot be reached.
                """)

        @OptionGroup var daemon: DaemonConnectionOptions

        @Option(help: ArgumentHelp("How long to wait for the daemon to end, in seconds.", valueName: "SECONDS"))
        var timeout: Double = 120

        func run() async throws {
            let operations = try daemon.operations()
            // Each probe gives up after a second, so a daemon that is stopped (SIGSTOP) or stuck cannot hold the
            // command past its --timeout.
            let client = ControlClient(socketPath: operations.client.socketPath, answerTimeout: .seconds(1))
            let timeout = self.timeout
            throw ExitCode(await operations.shutdown {
                let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(timeout * 1000)))
                while ContinuousClock.now < deadline {
                    do {
                        _ = try await client.version()
                    } catch {
                        if case ControlClientError.unreachable = error { return true }
                    }
                    try? await Task.sleep(for: .milliseconds(50))
                }
                return false
            })
        }
    }
}
