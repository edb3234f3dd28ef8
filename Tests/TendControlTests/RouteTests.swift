import Glibc
import TendControl
import TendCore
import TendSupervisor
import Testing

/// Every route, served by the real server from a fake supervisor and called through the real client.
@Suite struct RouteTests {
    let fake = FakeSupervisor(processes: [
        .sample("web"), .sample("worker_00", group: "queue"), .sample("worker_01", group: "queue", state: "STOPPED"),
    ])

    @Test func versionReportsTheDaemonsVersionAndTheAPI() async throws {
        let reply = try await withServer(fake) { client, _ in try await client.version() }
        #expect(reply == VersionReply(version: "9.9.9", api: "v1"))
    }

    @Test func statusListsEveryProcessOrTheNamedOnes() async throws {
        try await withServer(fake) { client, _ in
            do {
                let value = try await client.status().map(\.name)
                #expect(value == ["web", "worker_00", "worker_01"])
            }
            do {
                let value = try await client.status(["queue:*"]).map(\.name)
                #expect(value == ["worker_00", "worker_01"])
            }
            do {
                let value = try await client.status(["web", "queue:worker_01"]).map(\.name)
                #expect(value == ["web", "worker_01"])
            }
        }
    }

    @Test func anUnknownNameIsBadNameWith404() async throws {
        try await withServer(fake) { client, _ in
            await #expect {
                _ = try await client.status(["nope"])
            } throws: { error in
                guard case ControlClientError.server(let controlError, let status) = error else { return false }
                return controlError.code == .badName && status == 404
            }
        }
    }

    @Test(arguments: ProcessCommand.allCases)
    func commandsAddressASelectorAndReturnOneResultPerProcess(_ command: ProcessCommand) async throws {
        let results = try await withServer(fake) { client, _ in try await client.command(command, "queue:*") }
        #expect(results.map(\.name) == ["worker_00", "worker_01"])
        #expect(results.allSatisfy { $0.error == nil })
        #expect(await fake.calls.last == "\(command.rawValue) queue:*")
    }

    @Test func aPerProcessFailureTravelsInItsResult() async throws {
        await fake.set(failure: ControlError(.spawnError, "cannot execute /nope: No such file or directory"), for: "web")
        let results = try await withServer(fake) { client, _ in try await client.command(.start, "web") }
        #expect(results == [CommandResult(name: "web", error: ControlError(.spawnError, "cannot execute /nope: No such file or directory"), state: "RUNNING")])
    }

    @Test func signalTakesANameOrNumberAndRejectsAnUnknownOne() async throws {
        try await withServer(fake) { client, _ in
            _ = try await client.signal("hup", "web")
            _ = try await client.signal("10", "web")
            #expect(await fake.calls.suffix(2) == ["signal HUP web", "signal USR1 web"])
            await #expect {
                _ = try await client.signal("NOPE", "web")
            } throws: { error in
                guard case ControlClientError.server(let controlError, 400) = error else { return false }
                return controlError.code == .badSignal
            }
        }
    }

    @Test func planAndApplyReturnTheReport() async throws {
        let report = PlanReport(actions: [.init(kind: "start", name: "web", reason: "new in conf.d/web.toml")], diagnostics: [], invalid: false)
        await fake.set(plan: report)
        try await withServer(fake) { client, _ in
            do {
                let value = try await client.plan()
                #expect(value == report)
            }
            do {
                let value = try await client.apply()
                #expect(value == report)
            }
        }
        #expect(await fake.calls == ["plan", "apply"])
    }

    @Test func shutdownAnswersAtOnceThenAsksTheSupervisor() async throws {
        try await withServer(fake) { client, _ in
            do {
                let value = try await client.shutdown()
                #expect(value == ShutdownReply(shuttingDown: true))
            }
            await eventually { await fake.shutdownCount == 1 }
        }
    }

    @Test func malformedRequestsGet4xxAndTheServerKeepsAnswering() async throws {
        try await withServer(fake) { client, _ in
            let cases: [(HTTPMethod, String, [UInt8]?, Int, String)] = [
                (.POST, "/v1/processes/web/signal", Array("{not json".utf8), 400, "bad_request"),
                (.POST, "/v1/processes/web/signal", [UInt8](repeating: 0x20, count: 1 << 20), 413, "body_too_large"),
                (.GET, "/v1/nothing/here", nil, 404, "unknown_route"),
                (.DELETE, "/v1/status", nil, 404, "unknown_route"),
                (.GET, "/v1/processes/web/logs?lines=-3", nil, 400, "bad_request"),
                (.GET, "/v1/processes/web/logs?stream=stdin", nil, 400, "bad_request"),
                (.GET, "/v1/processes/web/logs", nil, 404, "no_log_file"),
            ]
            for (method, target, body, status, code) in cases {
                let reply: ControlClient.Reply
                do {
                    reply = try await client.send(method, target, body: body)
                } catch ControlClientError.connectionLost where status == 413 {
                    // The server may answer 413 and close before the client has written the whole body; the
                    // client then sees the connection closed. Either way the server must keep answering.
                    #expect(try await client.version().version == "9.9.9")
                    continue
                }
                #expect(reply.status == status, "\(method) \(target)")
                let error = try WireJSON.decode(ErrorReply.self, from: reply.body)
                #expect(error.error.code == code, "\(method) \(target)")
                do {
                    let value = try await client.version().version
                    #expect(value == "9.9.9")
                }
            }
        }
    }

    @Test func theSocketIsOwnerOnlyByDefaultAndGoneAfterTheServerStops() async throws {
        let socket = try await withServer(fake) { _, socket in
            var info = stat()
            #expect(stat(socket, &info) == 0)
            #expect(info.st_mode & S_IFMT == S_IFSOCK)
            #expect(info.st_mode & 0o777 == 0o600)
            return socket
        }
        #expect(access(socket, F_OK) != 0)
    }

    @Test func theSocketTakesTheConfiguredMode() async throws {
        try await withServer(fake, socketMode: 0o660) { _, socket in
            var info = stat()
            #expect(stat(socket, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o660)
            // Only the socket and its lock-free neighbours remain: the private bind directory is gone.
            let directory = String(socket.dropLast("/tend.sock".count))
            #expect(listing(directory) == ["tend.sock"])
        }
    }

    @Test func anUnreachableDaemonNamesTheSocketTried() async throws {
        let client = ControlClient(socketPath: "/tmp/tendctl-none/tend.sock")
        await #expect {
            _ = try await client.version()
        } throws: { error in
            "\(error)" == "cannot reach the daemon at /tmp/tendctl-none/tend.sock: No such file or directory (is tend daemon running?)"
        }
    }
}

/// The names in a directory, sorted.
func listing(_ directory: String) -> [String] {
    guard let handle = opendir(directory) else { return [] }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
}
