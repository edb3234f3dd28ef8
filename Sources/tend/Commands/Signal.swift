import ArgumentParser
import TendControl

extension Tend {
    /// `tend signal`: send a signal to running processes.
    struct Signal: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "signal",
            abstract: "Send a signal (HUP, SIGUSR1, 10) to running processes.",
            discussion: """
                Exit codes: 0 sent to every process; 1 some process is not running, or no such signal; \
                4 no such process; 69 the daemon cannot be reached.
                """)

        @OptionGroup var daemon: DaemonConnectionOptions

        @Argument(help: ArgumentHelp("The signal: a name with or without SIG, or a number.", valueName: "SIG"))
        var signal: String

        @Argument(help: ArgumentHelp("NAME, GROUP:*, GROUP:NAME or all.", valueName: "NAME"))
        var selectors: [String]

        func run() async throws {
            throw ExitCode(try await daemon.operations().signal(signal, selectors))
        }
    }
}
