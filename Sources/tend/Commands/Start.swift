import ArgumentParser
import TendControl

extension Tend {
    /// `tend start`: Start the processes and wait until each is RUNNING or has failed, as supervisorctl does.
    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Start the processes and wait until each is RUNNING or has failed, as supervisorctl does.",
            discussion: """
                Prints one line per process (NAME: started, or NAME: ERROR (REASON)).

                Exit codes: 0 done for every process; 1 it failed for some; 4 no such process; \
                69 the daemon cannot be reached.
                """)

        @OptionGroup var selection: ProcessSelection

        func run() async throws {
            try await selection.run(.start)
        }
    }
}
