import Synchronization
import TendControl
import TendSupervisor
import Testing

/// Runs a real `ControlServer` for `control` on a socket in a scratch directory, hands the body a client,
/// and stops the server when the body returns.
@discardableResult
func withServer<Result: Sendable>(
    _ control: some SupervisorControl, socketMode: UInt32 = 0o600, maximumConnections: Int = 256,
    _ body: (ControlClient, String) async throws -> Result
) async throws -> Result {
    let scratch = ScratchDirectory()
    let socket = scratch.path + "/tend.sock"
    let server = try ControlServer(
        control: control,
        configuration: .init(
            socketPath: socket, socketMode: socketMode, version: "9.9.9", followInterval: .milliseconds(10),
            maximumConnections: maximumConnections)
    ).start()
    do {
        let result = try await body(ControlClient(socketPath: socket), socket)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// A console that keeps what is written, for checking a command's output.
final class CapturedConsole: Sendable {
    private let output = Mutex<[UInt8]>([])
    private let errors = Mutex<String>("")

    var console: ControlConsole {
        ControlConsole(
            color: false,
            writeBytes: { bytes in self.output.withLock { $0 += bytes } },
            writeError: { text in self.errors.withLock { $0 += text } })
    }

    var standardOutput: String { output.withLock { String(decoding: $0, as: UTF8.self) } }
    var standardError: String { errors.withLock { $0 } }
}
