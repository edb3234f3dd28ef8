import ArgumentParser
import TendControl

extension Tend {
    /// `tend events`: what happened in the daemon recently, and with -f as it happens.
    struct Events: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "events",
            abstract: "Print the daemon's recent events (state changes, reloads, config errors); -f follows.",
            discussion: """
                --json prints one JSON object per line, the same objects as GET /v1/events carries.

                Exit codes: 0 printed; 69 the daemon cannot be reached.
                """)

        @OptionGroup var daemon: DaemonConnectionOptions

        @Flag(name: .short, help: "Follow: print events as they happen until interrupted.")
        var follow = false

        @Flag(help: "Print JSON lines.")
        var json = false

        func run() async throws {
            throw ExitCode(try await daemon.operations().events(follow: follow, json: json))
        }
    }
}
