import Glibc
import TendControl
import TendSupervisor
import Testing

/// The CLI's commands as functions: what they print and the exit code they decide, through a real
/// client and server.
@Suite struct OperationsTests {
    let fake = FakeSupervisor(processes: [
        .sample("web"), .sample("worker_00", group: "queue"), .sample("job", state: "EXITED", lastExit: "exit status 0"),
    ])

    private func run(_ body: @Sendable (ControlOperations) async -> ControlExitCode) async throws -> (ControlExitCode, CapturedConsole) {
        let captured = CapturedConsole()
        let code = try await withServer(fake) { client, _ in
            await body(ControlOperations(client: client, console: captured.console))
        }
        return (code, captured)
    }

    @Test func statusExitsZeroWhenAllListedRunThreeWhenOneDoesNotFourForAnUnknownName() async throws {
        #expect(try await run { await $0.status(["web", "queue:*"], json: false) }.0 == .success)
        #expect(try await run { await $0.status([], json: false) }.0 == .notRunning)
        let (code, captured) = try await run { await $0.status(["nope"], json: false) }
        #expect(code == .noSuchProcess)
        #expect(captured.standardError == "tend: no process, program or group named nope\n")
    }

    @Test func statusJSONIsDecodable() async throws {
        let (_, captured) = try await run { await $0.status(["web"], json: true) }
        let reply = try WireJSON.decode(StatusReply.self, from: Array(captured.standardOutput.utf8))
        #expect(reply.processes.map(\.name) == ["web"])
    }

    @Test func commandsExitOneWhenAnyFailedAndFourWhenNoneMatched() async throws {
        let (ok, okOutput) = try await run { await $0.command(.stop, ["web", "queue:*"]) }
        #expect(ok == .success)
        #expect(okOutput.standardOutput == "web: stopped\nworker_00: stopped\n")

        await fake.set(failure: ControlError(.notRunning, "web is not running"), for: "web")
        let (failed, failedOutput) = try await run { await $0.command(.stop, ["web", "nope"]) }
        #expect(failed == .actionFailed)
        #expect(failedOutput.standardOutput == "web: ERROR (not running: web is not running)\nnope: ERROR (no such process: no process, program or group named nope)\n")

        #expect(try await run { await $0.command(.start, ["nope"]) }.0 == .noSuchProcess)
        #expect(try await run { await $0.signal("NOPE", ["web"]) }.0 == .actionFailed)
    }

    @Test func planExitsTwoWithChangesPending() async throws {
        await fake.set(plan: PlanReport(actions: [.init(kind: "start", name: "web", reason: "new")], diagnostics: [], invalid: false))
        let (code, captured) = try await run { await $0.plan(json: false) }
        #expect(code == .changesPending)
        #expect(captured.standardOutput == "+ start web (new)\nPlan: 1 to start.\n")
    }

    @Test func anUnreachableDaemonExits69NamingTheSocket() async {
        let captured = CapturedConsole()
        let operations = ControlOperations(client: ControlClient(socketPath: "/tmp/tendctl-none.sock"), console: captured.console)
        #expect(await operations.status([], json: false) == .unreachable)
        #expect(await operations.command(.start, ["web"]) == .unreachable)
        #expect(captured.standardError.hasPrefix("tend: cannot reach the daemon at /tmp/tendctl-none.sock: No such file or directory (is tend daemon running?)\n"))
    }

    @Test func aSocketWithNoDaemonIsConnectionRefused() async {
        let scratch = ScratchDirectory()
        let path = scratch.path + "/tend.sock"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        #expect(bound == 0)
        close(fd)
        let captured = CapturedConsole()
        let code = await ControlOperations(client: ControlClient(socketPath: path), console: captured.console).version(clientVersion: "1")
        #expect(code == .unreachable)
        #expect(captured.standardError == "tend: cannot reach the daemon at \(path): Connection refused (is tend daemon running?)\n")
    }
}
