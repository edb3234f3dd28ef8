import Foundation
import TendControl
import TendTestKit
import Testing

/// The built `tend` binary against a server in the test process: socket discovery, exit codes, and how
/// long a command takes from exec to exit.
@Suite struct BinaryTests {
    let fake = FakeSupervisor(processes: [.sample("web", pid: 123), .sample("job", state: "EXITED", lastExit: "exit status 0")])

    /// Runs `tend ARGUMENTS` in `directory` through the test kit (the reaper) and times it from exec to exit.
    static func run(_ arguments: [String], in directory: String) async throws -> (Int32, String, String, Duration) {
        let start = ContinuousClock.now
        let outcome = try await TendBinary.run(arguments, in: directory, environment: ["PATH": "/usr/bin:/bin"])
        return (outcome.status, outcome.stdout, outcome.stderr, ContinuousClock.now - start)
    }

    @Test func statusFindsTheSocketThroughTheConfigAndExitsThreeWhenSomethingIsNotRunning() async throws {
        let (status, output, _, _) = try await withServer(fake) { _, socket in
            let directory = String(socket.dropLast("/tend.sock".count))
            _ = FileManager.default.createFile(atPath: directory + "/tend.toml", contents: Data("[daemon]\nsocket = \"tend.sock\"\n".utf8))
            return try await Self.run(["status", "-c", "tend.toml"], in: directory)
        }
        #expect(status == 3)
        #expect(output.hasPrefix("web  RUNNING   pid 123, uptime 0:01:02\njob  EXITED    exit status 0\n"))
    }

    @Test func versionAnswersQuickly() async throws {
        let runs = try await withServer(fake) { _, socket in
            var runs: [(Int32, String, String, Duration)] = []
            for _ in 0..<5 { runs.append(try await Self.run(["version", "-s", socket], in: "/tmp")) }
            return runs
        }
        for (status, output, _, _) in runs {
            #expect(status == 0)
            #expect(output.contains("daemon 9.9.9 (API v1)"))
        }
        let fastest = runs.map(\.3).min()!
        print("tend version, exec to exit, fastest of 5: \(fastest)")
        #expect(fastest < .seconds(1))
    }

    @Test func noDaemonExits69() async throws {
        let (status, _, errors, _) = try await Self.run(["status", "-s", "/tmp/tendctl-nothing.sock"], in: "/tmp")
        #expect(status == 69)
        #expect(errors == "tend: cannot reach the daemon at /tmp/tendctl-nothing.sock: No such file or directory (is tend daemon running?)\n")
    }
}
