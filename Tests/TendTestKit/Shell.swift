import SystemPackage
import TendSystem

/// Runs `/bin/sh -c script` in `directory` to completion, through the process's one reaper: the only way a
/// test process may have children, since the reaper's orphan sweep reaps any other child (a Foundation
/// `Process` would wait for ever).
public func runShell(_ script: String, in directory: String) async throws {
    let io = try FileDescriptor.open("/dev/null", .readWrite, options: .closeOnExec)
    defer { try? io.close() }
    let (exits, continuation) = AsyncStream.makeStream(of: Termination.self)
    _ = try Reaper.shared.spawn(SpawnRequest(
        arguments: ["/bin/sh", "-c", script], environment: ["PATH=/usr/local/bin:/usr/bin:/bin"],
        directory: FilePath(directory), standardInput: io, standardOutput: io, standardError: io
    )) { exit in
        continuation.yield(exit.termination)
        continuation.finish()
    }
    for await termination in exits where termination != .exited(code: 0) {
        throw ShellFailed(script: script, termination: termination)
    }
}

/// A shell script that did not exit 0.
public struct ShellFailed: Error, CustomStringConvertible {
    public let script: String
    public let termination: Termination
    public var description: String { "`\(script)` ended with \(termination)" }
}
