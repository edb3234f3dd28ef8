import ArgumentParser
import TendControl

/// The arguments `start`, `stop` and `restart` share: how to reach the daemon, and which processes.
struct ProcessSelection: ParsableArguments {
    @OptionGroup var daemon: DaemonConnectionOptions

    @Argument(help: ArgumentHelp("NAME, GROUP:*, GROUP:NAME or all.", valueName: "NAME"))
    var selectors: [String]

    /// Sends `command` for the selected processes and exits with what it decided.
    func run(_ command: ProcessCommand) async throws {
        throw ExitCode(try await daemon.operations().command(command, selectors))
    }
}
