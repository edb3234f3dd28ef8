import Foundation
import SystemPackage
import Testing
import TendCore
import TendSystem
@_exported import TendTestKit

/// A real `tend daemon` started in a scratch directory, its log in `daemon.log` there.
final class RunningDaemon: @unchecked Sendable {
    let scratch: ScratchDirectory
    let child: ChildProcess
    private let exits: AsyncStream<Termination>

    /// Starts `tend daemon -c tend.toml` in `scratch`, which must hold the configuration already.
    init(in scratch: ScratchDirectory, arguments: [String] = [], environment extra: [String: String] = [:]) throws {
        self.scratch = scratch
        let log = try FileDescriptor.open(scratch.path + "/daemon.log", .writeOnly, options: [.create, .append, .closeOnExec], permissions: .ownerReadWrite)
        let input = try FileDescriptor.open("/dev/null", .readOnly, options: .closeOnExec)
        defer { try? log.close(); try? input.close() }
        let (exits, continuation) = AsyncStream.makeStream(of: Termination.self)
        self.exits = exits
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { $1 }
        child = try Reaper.shared.spawn(SpawnRequest(
            arguments: [TendBinary.path, "daemon", "-c", "tend.toml"] + arguments,
            environment: environment.map { "\($0.key)=\($0.value)" }, directory: FilePath(scratch.path),
            standardInput: input, standardOutput: log, standardError: log
        )) { exit in
            continuation.yield(exit.termination)
            continuation.finish()
        }
    }

    /// A test that fails before stopping its daemon must not leave it running: SIGTERM makes the daemon stop
    /// its programs and exit, and the reaper reaps it.
    deinit {
        _ = try? Reaper.shared.signal(child, .terminate)
    }

    /// What the daemon has logged so far.
    var log: String { (try? scratch.read("daemon.log")) ?? "" }

    /// Waits until the daemon's log contains `text`.
    func awaitLog(_ text: String, within limit: Duration = .seconds(10)) async throws {
        try await poll("the daemon to log \(text)", within: limit) { self.log.contains(text) }
    }

    /// The daemon's children, from /proc.
    var childPIDs: [Int32] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(child.pid)/task")) ?? []
        return tasks.flatMap { task in
            ((try? String(contentsOfFile: "/proc/\(child.pid)/task/\(task)/children", encoding: .utf8)) ?? "")
                .split(separator: " ").compactMap { Int32($0) }
        }
    }

    /// What the daemon's open descriptors refer to (`pipe:[123]`, `anon_inode:[pidfd]`, a path).
    var openDescriptors: [String] {
        let directory = "/proc/\(child.pid)/fd"
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).compactMap {
            try? FileManager.default.destinationOfSymbolicLink(atPath: directory + "/" + $0)
        }
    }

    /// Sends `signal` to the daemon.
    func send(_ signal: TendCore.Signal) throws {
        _ = try Reaper.shared.signal(child, signal)
    }

    /// Waits for the daemon to end and returns how.
    func termination() async -> Termination? {
        for await termination in exits { return termination }
        return nil
    }

    /// Stops the daemon with SIGTERM if it is still running and waits for it.
    func stop() async {
        _ = try? Reaper.shared.signal(child, .terminate)
        _ = await termination()
    }
}

