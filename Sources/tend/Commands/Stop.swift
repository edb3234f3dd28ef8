import ArgumentParser
import TendControl

extension Tend {
    /// `tend stop`: Stop the processes and wait until each has stopped; the stop stands across reloads until `tend start`.
    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stop",
            abstract: "Stop the processes and wait until each has stopped; the stop stands across reloads until `tend start`.",
            discussion: """
                Prints one line per process (NAME: stopped, or NAME: ERROR (REASON)).

                Exit codes: 0 done for every process; 1 it failed for some; 4 no such process; \
                69 the daemon cannot be reached.
                """)

        @OptionGroup var selection: ProcessSelection

        func run() async throws {
            try await selection.run(.stop)
        }
    }
}
