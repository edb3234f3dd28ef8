import Foundation
import Synchronization
import SystemPackage
import TendCore
import TendSystem

/// A real child process, started through the process's one `Reaper` (any other child of a test process
/// would be reaped by its orphan sweep), with stdout and stderr on descriptors the test chooses.
final class LogTestChild: Sendable {
    let pid: pid_t
    private let child: ChildProcess
    private let exits: Mutex<AsyncStream<Int32>.Iterator?>
    private let ended = ExitStatusBox()

    /// Starts `/bin/sh -c script` with stdout on `stdout` and stderr on `stderr` (the same descriptor for
    /// both to merge them) and stdin on /dev/null.
    init(shell script: String, stdout: Int32, stderr: Int32) throws {
        let input = try FileDescriptor.open("/dev/null", .readOnly, options: .closeOnExec)
        defer { try? input.close() }
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        let ended = self.ended
        child = try Reaper.shared.spawn(SpawnRequest(
            arguments: ["/bin/sh", "-c", script], environment: ["PATH=/usr/bin:/bin"],
            standardInput: input, standardOutput: FileDescriptor(rawValue: stdout), standardError: FileDescriptor(rawValue: stderr)
        )) { exit in
            let status: Int32
            switch exit.termination {
            case .exited(let code): status = code << 8
            case .signaled(let signal, _): status = signal
            case .unknown: status = -1
            }
            ended.value.withLock { $0 = status }
            continuation.yield(status)
            continuation.finish()
        }
        pid = child.pid
        exits = Mutex(stream.makeAsyncIterator())
    }

    /// Whether the child has not exited yet.
    var isRunning: Bool { ended.value.withLock { $0 == nil } }

    /// Waits for the child to exit and returns a wait status (0 for a clean exit).
    @discardableResult
    func wait() async -> Int32 {
        if let status = ended.value.withLock({ $0 }) { return status }
        var iterator = exits.withLock { $0.take() }
        let status = await iterator?.next()
        return status ?? ended.value.withLock { $0 } ?? -1
    }

    /// Kills the child; the reaper reaps it.
    func kill() {
        if isRunning { _ = try? Reaper.shared.signal(child, .kill) }
    }
}

/// The child's wait status once the reaper has it, shared with the reaper thread's callback.
private final class ExitStatusBox: Sendable {
    let value = Mutex<Int32?>(nil)
}
