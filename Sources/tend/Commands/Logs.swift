import ArgumentParser
import TendControl
import TendSupervisor

extension Tend {
    /// `tend logs`: a process's log, its end or followed.
    struct Logs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "logs",
            abstract: "Print the end of a process's log, and follow it with -f.",
            discussion: """
                Exit codes: 0 printed; 1 the process has no log file (none, or passed through); \
                4 no such process; 69 the daemon cannot be reached.
                """)

        @OptionGroup var daemon: DaemonConnectionOptions

        @Argument(help: "The process.")
        var name: String

        @Flag(help: "The standard error log instead of standard output.")
        var stderr = false

        @Option(name: [.customShort("n"), .customLong("lines")], help: ArgumentHelp("The last N lines (default 10).", valueName: "N"))
        var lines: Int?

        @Option(help: ArgumentHelp("The last N bytes instead of lines.", valueName: "N"))
        var bytes: Int?

        @Flag(name: .short, help: "Follow: print what is appended until interrupted.")
        var follow = false

        func validate() throws {
            if lines != nil, bytes != nil { throw ValidationError("give -n or --bytes, not both") }
            if (lines ?? 0) < 0 || (bytes ?? 0) < 0 { throw ValidationError("counts must be zero or more") }
        }

        func run() async throws {
            let tail: LogTailRequest = bytes.map { .bytes($0) } ?? lines.map { .lines($0) } ?? .standard
            throw ExitCode(try await daemon.operations().logs(name, stream: stderr ? .stderr : .stdout, tail: tail, follow: follow))
        }
    }
}
