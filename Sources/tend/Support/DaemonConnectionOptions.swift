import ArgumentParser
import Glibc
import TendControl
import TendCore
import TendSystem

/// `-s SOCKET` or `-c FILE`: how a client command finds the daemon's control socket.
///
/// In order: `-s SOCKET`; the `[daemon] socket` of `-c FILE`; `$TEND_SOCKET`; the `[daemon] socket` of
/// ./tend.toml, else /etc/tend/tend.toml. Only the main file is read, so a broken included file never
/// stops a client from reaching the daemon.
struct DaemonConnectionOptions: ParsableArguments {
    @Option(name: [.customShort("s"), .customLong("socket")], help: ArgumentHelp(
        "The daemon's control socket.", valueName: "SOCKET"))
    var socket: String?

    @OptionGroup var config: ConfigFileOption

    /// The socket to use, or nil after saying on stderr why none could be found.
    func resolveSocket() -> String? {
        if let socket { return socket }
        if config.file == nil, let fromEnvironment = getenv("TEND_SOCKET").map({ String(cString: $0) }), !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        guard let mainFile = config.resolve(announce: false) else { return nil }
        let loader = ConfigLoader(fileSystem: LocalConfigFileSystem(), host: .local(), workingDirectory: CurrentDirectory.path())
        do {
            guard let daemon = try loader.daemonSettings(mainFile: mainFile) else {
                FileHandleOutput.standardError.write("tend: \(mainFile) has errors that hide its [daemon] socket; run `tend check`, or name the socket with -s SOCKET\n")
                return nil
            }
            return daemon.socket
        } catch {
            FileHandleOutput.standardError.write("tend: cannot read \(mainFile): \(error.reasonDescription)\n")
            return nil
        }
    }

    /// The operations on the daemon at the resolved socket, printing to the real terminal; exits 69 when
    /// no socket can be found.
    func operations() throws -> ControlOperations {
        guard let socket = resolveSocket() else { throw ExitCode(ControlExitCode.unreachable.rawValue) }
        return ControlOperations(client: ControlClient(socketPath: socket), console: .terminal)
    }
}

extension ControlConsole {
    /// The process's standard output and error.
    static let terminal = ControlConsole(
        color: FileHandleOutput.standardOutput.wantsColor,
        writeBytes: { FileHandleOutput.standardOutput.write(bytes: $0) },
        writeError: { FileHandleOutput.standardError.write($0) })
}

extension ExitCode {
    /// The exit code a control command decided on.
    init(_ code: ControlExitCode) {
        self.init(code.rawValue)
    }
}
