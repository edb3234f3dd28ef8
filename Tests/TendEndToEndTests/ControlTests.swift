import Foundation
import Testing
import TendTestKit

/// The daemon and its client, as a user drives them: status, start, stop, restart, signal, logs, plan.
@Suite struct ControlTests {
    static let config = """
        [program.web]
        command = ["sh", "-c", "echo serving; exec sleep 1000"]
        startsecs = 0
        [program.job]
        command = ["sh", "-c", "echo job done"]
        startsecs = 0
        autorestart = false
        """

    func tend(_ arguments: [String], _ scratch: ScratchDirectory) async throws -> TendBinary.Outcome {
        try await TendBinary.run(arguments + ["-c", "tend.toml"], in: scratch.path)
    }

    @Test func aDayWithTheDaemon() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("tend.toml", "[daemon]\n")
        try scratch.write("conf.d/app.toml", Self.config)
        let daemon = try RunningDaemon(in: scratch)
        defer { Task { await daemon.stop() } }
        try await daemon.awaitLog("web: STARTING -> RUNNING")
        try await daemon.awaitLog("job: RUNNING -> EXITED")

        let status = try await tend(["status"], scratch)
        #expect(status.status == 3, "job is not running")
        let lines = status.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("job  EXITED") && lines[1].hasPrefix("web  RUNNING   pid "), "\(status.stdout)")
        let mode = try FileManager.default.attributesOfItem(atPath: scratch.path + "/tend.sock")[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let json = try await tend(["status", "web", "--json"], scratch)
        #expect(json.status == 0)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let web = (decoded?["processes"] as? [[String: Any]])?.first
        #expect(web?["name"] as? String == "web" && web?["state"] as? String == "RUNNING")

        let logs = try await tend(["logs", "web", "-n", "1"], scratch)
        #expect(logs.stdout == "serving\n")

        #expect(try await tend(["stop", "web"], scratch).stdout == "web: stopped\n")
        #expect(try await tend(["status", "web"], scratch).status == 3)
        #expect(try await tend(["start", "web"], scratch).stdout == "web: started\n")
        let restarted = try await tend(["restart", "all"], scratch)
        #expect(restarted.status == 0, "\(restarted.stdout)\(restarted.stderr)")
        #expect(try await tend(["signal", "HUP", "nope"], scratch).status == 4)

        #expect(try await tend(["plan"], scratch).status == 0)
        try scratch.write("conf.d/app.toml", Self.config + "\n[program.extra]\ncommand = \"sleep 1000\"\nstartsecs = -3\n")
        let invalid = try await tend(["plan"], scratch)
        #expect(invalid.status == 1)
        #expect(invalid.stdout.contains("conf.d/app.toml:10:13: error: program.extra.startsecs: must be zero or more, found -3"))
        try await daemon.awaitLog("conf.d/app.toml has errors; its last good programs keep running")
        #expect(try await tend(["status", "web"], scratch).status == 0)

        let shutdown = try await tend(["shutdown"], scratch)
        #expect(shutdown.status == 0)
        #expect(await daemon.termination() == .exited(code: 0))
        let unreachable = try await tend(["status"], scratch)
        #expect(unreachable.status == 69)
        #expect(unreachable.stderr.contains("cannot reach the daemon at"))
    }

    @Test func aClientTheSocketKeepsOutIsToldSo() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("tend.toml", "[daemon]\n")
        let daemon = try RunningDaemon(in: scratch)
        defer { Task { await daemon.stop() } }
        try await daemon.awaitLog("control socket ready")
        // The socket is root's, mode 0600: nobody may not connect, and is not told to start a daemon.
        let refused = try await TendBinary.run(["status", "-s", scratch.path + "/tend.sock"], in: "/", user: "nobody")
        #expect(refused.status == 69)
        #expect(refused.stderr.contains("Permission denied (the socket's directory or its socket_mode and socket_owner keep this user out)"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("is tend daemon running?"))
        // Nor does plan pretend that no daemon runs (it would plan to start everything).
        #expect(chmod(scratch.path, 0o755) == 0 && chmod(scratch.path + "/tend.toml", 0o644) == 0)
        let plan = try await TendBinary.run(["plan", "-c", "tend.toml"], in: scratch.path, user: "nobody")
        #expect(plan.status == 69)
        #expect(!plan.stderr.contains("planning against an empty process table"), "\(plan.stderr)")
        #expect(plan.stderr.contains("keep this user out"), "\(plan.stderr)")
    }

    @Test func planWithoutADaemonUsesAnEmptyTable() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("tend.toml", "[daemon]\n")
        try scratch.write("conf.d/app.toml", Self.config)
        let plan = try await tend(["plan"], scratch)
        #expect(plan.status == 2)
        #expect(plan.stderr.contains("planning against an empty process table"))
        #expect(plan.stdout.contains("+ start job (new in conf.d/app.toml)"))
        #expect(plan.stdout.contains("+ start web (new in conf.d/app.toml)"))
    }

    @Test func aSecondDaemonIsRefusedAndTheFirstKeepsAnswering() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("tend.toml", "[daemon]\n")
        try scratch.write("conf.d/app.toml", Self.config)
        let first = try RunningDaemon(in: scratch)
        try await first.awaitLog("control socket ready")
        let second = try await TendBinary.run(["daemon", "-c", "tend.toml"], in: scratch.path)
        #expect(second.status == 1)
        #expect(second.stderr.contains("is already serving this socket"))
        #expect(try await tend(["status", "web"], scratch).status == 0)
        await first.stop()
    }
}
