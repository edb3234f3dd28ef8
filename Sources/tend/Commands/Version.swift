import ArgumentParser
import TendControl

extension Tend {
    /// `tend version`: this client's version and the daemon's.
    struct Version: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "version",
            abstract: "Print tend's version and the running daemon's.",
            discussion: "Exit codes: 0 printed both; 69 the daemon cannot be reached (the client's version is printed still).")

        @OptionGroup var daemon: DaemonConnectionOptions

        func run() async throws {
            throw ExitCode(try await daemon.operations().version(clientVersion: TendVersion.current))
        }
    }
}
