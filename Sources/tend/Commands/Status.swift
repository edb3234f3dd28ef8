import ArgumentParser
import TendControl

extension Tend {
    /// `tend status`: the processes and their states, a table for people or JSON for programs.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show the processes and their states.",
            discussion: """
                Prints NAME STATE DESCRIPTION, one process a line, as supervisorctl does. --json prints \
                {"processes": [...]} with the fields documented in schemas/tend.openapi.json (ProcessStatus).

                Exit codes: 0 every listed process is RUNNING; 3 some listed process is not running; \
                4 no such process; 69 the daemon cannot be reached.
                """)

        @OptionGroup var daemon: DaemonConnectionOptions

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        @Argument(help: ArgumentHelp("Processes to show: NAME, GROUP:*, GROUP:NAME (default: all).", valueName: "NAME"))
        var names: [String] = []

        func run() async throws {
            throw ExitCode(try await daemon.operations().status(names, json: json))
        }
    }
}
