import ArgumentParser
import TendControl
import TendSupervisor
import TendSystem

extension Tend {
    /// `tend plan`: the dry run, what a reconcile would do now.
    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Show what a reconcile would do now, per process, and why, without doing it.",
            discussion: """
                Lines read like a diff: + start, ~ restart or update, - stop. Without a running daemon it \
                plans against an empty process table, and says so.

                Exit codes: 0 nothing to do; 2 changes pending; 1 the configuration is invalid; \
                69 the daemon cannot be reached.
                """)

        @OptionGroup var daemon: DaemonConnectionOptions

        @Flag(help: "Print the plan as JSON.")
        var json = false

        func run() async throws {
            let mainFile = daemon.config.resolve(announce: false)
            let code = try await daemon.operations().plan(json: json) {
                mainFile.flatMap { PlanReport.againstEmptyTable(mainFile: $0, workingDirectory: CurrentDirectory.path(), host: .local()) }
            }
            throw ExitCode(code)
        }
    }
}
