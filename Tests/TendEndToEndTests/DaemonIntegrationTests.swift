import Foundation
import Glibc
import SystemPackage
import Testing
import TendSystem
import TendTestKit

/// How the daemon fits the world around it: systemd's readiness protocol and the event stream.
@Suite struct DaemonIntegrationTests {
    @Test func itTellsSystemdWhenItIsReadyAndWhenItStops() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("tend.toml", "[daemon]\n")
        try scratch.write("conf.d/app.toml", "[program.web]\ncommand = \"sleep 1000\"\n")
        let path = scratch.path + "/notify.sock"
        let listener = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        var received: [String] = []
        func receive() -> Bool {
            var buffer = [UInt8](repeating: 0, count: 512)
            let count = recv(listener, &buffer, buffer.count, 0)
            if count > 0 { received.append(String(decoding: buffer[0..<count], as: UTF8.self)) }
            return count > 0
        }
        let daemon = try RunningDaemon(in: scratch, environment: ["NOTIFY_SOCKET": path])
        try await poll("READY=1") { _ = receive(); return received.contains { $0.hasPrefix("READY=1") } }
        #expect(received.first?.contains("MAINPID=\(daemon.child.pid)") == true)
        // Ready means the socket answers.
        #expect(try await TendBinary.run(["version", "-c", "tend.toml"], in: scratch.path).status == 0)
        try daemon.send(.terminate)
        try await poll("STOPPING=1") { _ = receive(); return received.contains("STOPPING=1") }
        #expect(await daemon.termination() == .exited(code: 0))
    }

    @Test func eventsFollowSeesACrashAndAReload() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("tend.toml", "[daemon]\n")
        try scratch.write("conf.d/app.toml", "[program.web]\ncommand = \"sleep 1000\"\nstartsecs = 0\nautorestart = true\n")
        let daemon = try RunningDaemon(in: scratch)
        try await daemon.awaitLog("web: STARTING -> RUNNING")
        let output = try FileDescriptor.open(scratch.path + "/events.txt", .writeOnly, options: [.create, .closeOnExec], permissions: .ownerReadWrite)
        let input = try FileDescriptor.open("/dev/null", .readOnly, options: .closeOnExec)
        let follower = try Reaper.shared.spawn(SpawnRequest(
            arguments: [TendBinary.path, "events", "-f", "-c", "tend.toml"], environment: ["NO_COLOR=1"],
            directory: FilePath(scratch.path), standardInput: input, standardOutput: output, standardError: output)) { _ in }
        try output.close()
        try input.close()
        defer { _ = try? Reaper.shared.signal(follower, .kill) }
        let status = try await TendBinary.run(["status", "web", "--json", "-c", "tend.toml"], in: scratch.path).stdout
        let processes = (try JSONSerialization.jsonObject(with: Data(status.utf8)) as? [String: Any])?["processes"] as? [[String: Any]]
        let web = try #require((processes?.first?["pid"] as? NSNumber)?.int32Value)
        try await poll("the follower to connect") { daemon.log.contains("web") && (try? scratch.read("events.txt")) != nil }
        kill(web, SIGKILL)
        try await poll("the crash in the event stream") { ((try? scratch.read("events.txt")) ?? "").contains("RUNNING -> EXITED") }
        try scratch.write("conf.d/more.toml", "[program.more]\ncommand = \"sleep 1000\"\n")
        try await poll("the reload in the event stream") { ((try? scratch.read("events.txt")) ?? "").contains("start more") }
        await daemon.stop()
    }
}
