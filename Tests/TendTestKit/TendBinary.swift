import Foundation
import SystemPackage
import TendCore
import TendSystem

/// The built `tend` executable, run as a user would run it, in a scratch directory.
public struct TendBinary {
    /// What one run printed and how it ended.
    public typealias Outcome = ChildRun.Outcome

    /// The `tend` binary next to the test bundle in the build products directory.
    public static let path: String = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = bundle.deletingLastPathComponent()
        while !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("tend").path),
              directory.path != "/" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("tend").path
    }()

    /// Runs `tend ARGUMENTS` in `directory` (as `user` when given) and waits for it to exit.
    public static func run(
        _ arguments: [String], in directory: String, environment: [String: String] = [:], user: String? = nil
    ) async throws -> Outcome {
        var variables = environment
        variables["NO_COLOR"] = variables["NO_COLOR"] ?? "1"
        return try await ChildRun.run(path, arguments, in: directory, environment: variables, user: user)
    }
}

/// A program a test runs to its end: its output read in full and its exit status awaited, with no pool thread
/// blocked meanwhile. It is started through the process's one `Reaper`, which every child of a test process
/// must go through (it reaps any other child, and would take the status of a child spawned around it).
public enum ChildRun {
    /// What one run printed and how it ended.
    public struct Outcome: Sendable {
        /// The exit status, 128 + the signal for a child killed by one, or -1 when unknown.
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `executable ARGUMENTS` in `directory` with the test process's environment plus `environment` (as
    /// `user` when given), and waits for it to exit; one that still holds its output open after `limit` is
    /// killed, so a hung child fails its test instead of hanging the runner.
    public static func run(
        _ executable: String, _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
        user: String? = nil, limit: Duration = .seconds(120)
    ) async throws -> Outcome {
        let output = try FileDescriptor.pipe(), errors = try FileDescriptor.pipe()
        let input = try FileDescriptor.open("/dev/null", .readOnly, options: .closeOnExec)
        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { $1 }
        var request = SpawnRequest(
            arguments: [executable] + arguments, environment: variables.map { "\($0.key)=\($0.value)" },
            directory: directory.map { FilePath($0) }, standardInput: input, standardOutput: output.writeEnd,
            standardError: errors.writeEnd)
        request.user = user
        let (exits, continuation) = AsyncStream.makeStream(of: ChildExit.self)
        defer { try? input.close() }
        let child: ChildProcess
        do {
            child = try Reaper.shared.spawn(request) { exit in
                continuation.yield(exit)
                continuation.finish()
            }
        } catch {
            for descriptor in [output.readEnd, output.writeEnd, errors.readEnd, errors.writeEnd] { try? descriptor.close() }
            throw error
        }
        try output.writeEnd.close()
        try errors.writeEnd.close()
        let (stdout, stderr) = try await onThreadOfItsOwn {
            try drain(output.readEnd, errors.readEnd, killing: child, after: limit)
        }
        var status: Int32 = -1
        for await exit in exits {
            switch exit.termination {
            case .exited(let code): status = code
            case .signaled(let signal, _): status = 128 + signal
            case .unknown: status = -1
            }
        }
        return Outcome(status: status, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Reads two pipes to their ends together, so a child filling one never blocks on the other; closes both.
    /// Kills `child` (through its pidfd, never a reused pid) once `limit` has passed with a pipe still open.
    private static func drain(
        _ first: FileDescriptor, _ second: FileDescriptor, killing child: ChildProcess, after limit: Duration
    ) throws -> ([UInt8], [UInt8]) {
        var buffers: [[UInt8]] = [[], []]
        var open = [first, second]
        defer { for descriptor in [first, second] { try? descriptor.close() } }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let deadline = ContinuousClock.now + limit
        while open.contains(where: { $0.rawValue >= 0 }) {
            let left = deadline - ContinuousClock.now
            if left <= .zero {
                _ = try? Reaper.shared.signal(child, .kill)
                break
            }
            var polls = open.map { pollfd(fd: $0.rawValue, events: Int16(POLLIN), revents: 0) }
            let wait = Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
            guard poll(&polls, nfds_t(polls.count), wait) >= 0 else {
                if errno == EINTR { continue }
                throw Errno(rawValue: errno)
            }
            for (index, entry) in polls.enumerated() where entry.fd >= 0 && entry.revents != 0 {
                let count = try chunk.withUnsafeMutableBytes { try open[index].read(into: $0) }
                if count == 0 {
                    open[index] = FileDescriptor(rawValue: -1)
                } else {
                    buffers[index].append(contentsOf: chunk[0..<count])
                }
            }
        }
        return (buffers[0], buffers[1])
    }
}

/// A temporary directory for one test, removed when the test ends.
public final class ScratchDirectory: @unchecked Sendable {
    public let path: String

    public init() throws {
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("tend-test-XXXXXX").path
        var bytes = Array(template.utf8CString)
        guard mkdtemp(&bytes) != nil else { throw CocoaError(.fileWriteUnknown) }
        path = String(nulTerminated: bytes)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `name` under the directory, creating parent directories.
    public func write(_ name: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public func read(_ name: String) throws -> String {
        try String(contentsOfFile: path + "/" + name, encoding: .utf8)
    }
}
