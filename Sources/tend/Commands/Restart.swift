import ArgumentParser
import TendControl

extension Tend {
    /// `tend restart`: Stop, then start the processes, waiting as start does.
    struct Restart: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restart",
            abstract: "Stop, then start the processes, waiting as start does.",
            discussion: """
                Prints one line per process (NAME: restarted, or NAME: ERROR (REASON)).

                Exit codes: 0 done for every process; 1 it failed for some; 4 no such process; \
                69 the daemon cannot be reached.
                """)

        @OptionGroup var selection: ProcessSelection

        func run() async throws {
            try await selection.run(.restart)
        }
    }
}
