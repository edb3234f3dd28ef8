import ArgumentParser
import TendControl

extension Tend {
    /// `tend plan`: the dry run, what a reconcile would do now.
    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what a reconcile would do now, per process, and why, without doing it.",
            discussion: """
                Lines read like a diff: + start, ~ restart or update, - stop.

                Exit codes: 0 nothing to do; 2 changes pending; 1 the configuration is invalid; \
                69 the daemon cannot be reached.
                """)

        @OptionGroup var daemon: DaemonConnectionOptions

        @Flag(help: "Print the plan as JSON.")
        var json = false

        func run() async throws {
            throw ExitCode(await try daemon.operations().plan(json: json))
        }
    }
}
