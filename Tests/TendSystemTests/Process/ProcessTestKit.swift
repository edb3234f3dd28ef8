import Foundation
import Glibc
import SystemPackage
import Testing
@testable import TendSystem

/// A directory under /tmp for one test's files, removed with everything in it when the test ends.
final class TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/tend-test-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw Errno(rawValue: errno) }
        path = String(cString: created)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// Writes `contents` to `name` with the given mode and returns its path.
    func write(_ name: String, _ contents: String, mode: mode_t = 0o644) throws -> String {
        let path = file(name)
        try contents.write(toFile: path, atomically: false, encoding: .utf8)
        guard chmod(path, mode) == 0 else { throw Errno(rawValue: errno) }
        return path
    }

    /// The contents of `name`, or nil when it does not exist yet.
    func read(_ name: String) -> String? {
        try? String(contentsOfFile: file(name), encoding: .utf8)
    }
}

/// The three descriptors a test child gets: /dev/null as stdin, and stdout and stderr into files of the
/// test's directory, closed when the value goes away.
final class ChildOutput {
    let directory: TemporaryDirectory
    let input: FileDescriptor
    let output: FileDescriptor
    let error: FileDescriptor

    init(in directory: TemporaryDirectory, name: String = "child") throws {
        self.directory = directory
        input = try FileDescriptor.open("/dev/null", .readOnly, options: .closeOnExec)
        output = try FileDescriptor.open(
            FilePath(directory.file(name + ".out")), .writeOnly, options: [.create, .truncate, .closeOnExec],
            permissions: .ownerReadWrite)
        error = try FileDescriptor.open(
            FilePath(directory.file(name + ".err")), .writeOnly, options: [.create, .truncate, .closeOnExec],
            permissions: .ownerReadWrite)
        self.name = name
    }

    private let name: String

    deinit {
        try? input.close()
        try? output.close()
        try? error.close()
    }

    /// What the child wrote to stdout.
    var standardOutput: String { directory.read(name + ".out") ?? "" }
    /// What the child wrote to stderr.
    var standardError: String { directory.read(name + ".err") ?? "" }

    /// A request for `arguments` with these descriptors and a plain environment.
    func request(_ arguments: [String], environment: [String] = ["PATH=/usr/bin:/bin"]) -> SpawnRequest {
        SpawnRequest(arguments: arguments, environment: environment, standardInput: input, standardOutput: output,
                     standardError: error)
    }
}

/// Whether a test's child keeps the daemon's umask or has one set (0o022, the umask the tests run with, so the
/// umask itself changes nothing visible): the spawner sets it in the child between clone and exec.
enum SpawnPath: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case inheritedUmask
    case setUmask

    var umask: FilePermissions? { self == .setUmask ? FilePermissions(rawValue: 0o022) : nil }
    var testDescription: String { rawValue }
}

struct TimedOut: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out waiting for \(what)" }
}

/// A child started through the shared reaper, with its exit awaitable.
struct StartedChild {
    let child: ChildProcess
    private let exits: AsyncStream<ChildExit>

    init(_ request: SpawnRequest) throws(SpawnError) {
        let (exits, continuation) = AsyncStream.makeStream(of: ChildExit.self)
        child = try Reaper.shared.spawn(request) { exit in
            continuation.yield(exit)
            continuation.finish()
        }
        self.exits = exits
    }

    /// The child's exit, or `TimedOut` after `limit`.
    func exit(within limit: Duration = .seconds(20)) async throws -> ChildExit {
        let exits = self.exits
        return try await withThrowingTaskGroup(of: ChildExit?.self) { group in
            group.addTask {
                for await exit in exits { return exit }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: limit) // allowed: the deadline racing the awaited exit
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            guard let first else { throw TimedOut(what: "\(child) to exit") }
            return first
        }
    }
}

/// Starts `request` and returns its exit.
func run(_ request: SpawnRequest) async throws -> ChildExit {
    try await StartedChild(request).exit()
}

/// Polls `condition` every few milliseconds until it holds, or throws `TimedOut` after `limit`.
func eventually(
    _ what: String, within limit: Duration = .seconds(20), _ condition: () throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + limit
    while try !condition() {
        guard ContinuousClock.now < deadline else { throw TimedOut(what: what) }
        try await Task.sleep(for: .milliseconds(5)) // allowed: the polling interval of a wait bounded by a deadline
    }
}

/// Whether a process with this pid exists (a zombie included).
func processExists(_ pid: pid_t) -> Bool {
    access("/proc/\(pid)", F_OK) == 0
}

/// The parent of a process, from /proc/[pid]/stat, or nil when it is gone.
func parentPID(of pid: pid_t) -> pid_t? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let afterName = stat.range(of: ") ", options: .backwards) else { return nil }
    let fields = stat[afterName.upperBound...].split(separator: " ")
    return fields.count > 1 ? pid_t(fields[1]) : nil
}

/// The descriptors this test process has open.
/// The number of pidfds the test process holds: the one kind of descriptor the reaper opens per child, and
/// one that no lazily started singleton of another test (an epoll, an inotify instance) ever adds.
func openPidfdCount() throws -> Int {
    try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter { entry in
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + entry)) == "anon_inode:[pidfd]"
    }.count
}

/// The value of one field of /proc/[pid]/status text (`Uid`, `SigBlk`…), trimmed.
func statusField(_ field: String, in status: String) -> String? {
    status.split(separator: "\n").first { $0.hasPrefix(field + ":") }
        .map { $0.dropFirst(field.count + 1).trimmingCharacters(in: .whitespaces) }
}
