import ArgumentParser
import TendControl

extension Tend {
    /// `tend apply`: reload the configuration and reconcile now.
    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply",
            abstract: "Reload the configuration and reconcile now; print what was done.",
            discussion: """
                Exit codes: 0 applied; 1 the configuration has errors (files with errors keep their last \
                good programs); 69 the daemon cannot be reached.
                """)

        @OptionGroup var daemon: DaemonConnectionOptions

        @Flag(help: "Print the report as JSON.")
        var json = false

        func run() async throws {
            throw ExitCode(try await daemon.operations().apply(json: json))
        }
    }
}
