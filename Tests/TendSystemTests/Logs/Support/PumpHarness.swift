import Logging
import Synchronization
import Testing
import SystemPackage
import TendSystem

/// Collects the end reports of a pump's streams, and what the pump logged, so a test can check them.
final class LogStreamEndRecorder: Sendable {
    private let ends = Mutex<[LogStreamID: LogStreamEnd]>([:])
    /// Everything the pump logged.
    let logs = InMemoryPumpLogHandler.Store()

    /// A logger writing into `logs`.
    var logger: Logger {
        let store = logs
        return Logger(label: "tend.logs.test") { _ in InMemoryPumpLogHandler(store: store) }
    }

    /// The callback to hand to `LogPump.attach`.
    var callback: @Sendable (LogStreamEnd) -> Void {
        { end in self.ends.withLock { $0[end.id] = end } }
    }

    /// The end report of `id`, if it came.
    func end(of id: LogStreamID) -> LogStreamEnd? {
        ends.withLock { $0[id] }
    }

    /// Awaits the end report of `id`.
    func awaitEnd(of id: LogStreamID, within timeout: Duration = .seconds(20)) async -> LogStreamEnd? {
        await awaitLogCondition(within: timeout, "end of \(id)") { end(of: id) != nil }
        return end(of: id)
    }
}

/// Runs `body` with a started pump and shuts it down afterwards, whether `body` threw or not; unless
/// `allowingErrors`, an error the pump logged fails the test.
func withPump<T>(
    budgetPerWake: Int = 1 << 20, idleClose: Duration = .seconds(1), allowingErrors: Bool = false,
    _ body: (LogPump, LogStreamEndRecorder) async throws -> T,
    sourceLocation: SourceLocation = #_sourceLocation
) async throws -> T {
    let recorder = LogStreamEndRecorder()
    let pump = try LogPump(logger: recorder.logger, budgetPerWake: budgetPerWake, idleClose: idleClose)
    do {
        let result = try await body(pump, recorder)
        await pump.shutdown()
        if !allowingErrors {
            let errors = recorder.logs.all.filter { $0.level >= .error }.map(\.message)
            #expect(errors.isEmpty, "the pump logged errors", sourceLocation: sourceLocation)
        }
        return result
    } catch {
        await pump.shutdown()
        throw error
    }
}

/// Writes all of `bytes` to `descriptor`.
func writeLogBytes(_ bytes: [UInt8], to descriptor: FileDescriptor) throws {
    _ = try bytes.withUnsafeBytes { try descriptor.writeAll($0) }
}

/// A deterministic pattern in which every 8-byte word is its own index, so any lost, doubled or reordered
/// chunk shows.
func countingPattern(byteCount: Int) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: byteCount)
    bytes.withUnsafeMutableBytes { buffer in
        let words = byteCount / 8
        let base = buffer.baseAddress!
        for index in 0..<words {
            base.storeBytes(of: UInt64(index).littleEndian, toByteOffset: index * 8, as: UInt64.self)
        }
    }
    return bytes
}

/// Runs `/bin/sh -c script` with its stdout (and its stderr too when `mergeStderr`) on a new pipe the pump
/// reads into `output`, and returns the stream's end report once the child is gone.
func runLoggedChild(
    _ script: String, into output: LogOutput, pump: LogPump, recorder: LogStreamEndRecorder, mergeStderr: Bool = false
) async throws -> LogStreamEnd? {
    let pipe = try LogPipe.make()
    let id = try pump.attach(pipe.readEnd, to: output, onEnd: recorder.callback)
    let child: LogTestChild
    do {
        child = try LogTestChild(shell: script, stdout: pipe.writeEnd.rawValue, stderr: mergeStderr ? pipe.writeEnd.rawValue : 2)
    } catch {
        try? pipe.writeEnd.close()
        throw error
    }
    try pipe.writeEnd.close()
    defer { child.kill() }
    let end = await recorder.awaitEnd(of: id, within: .seconds(60))
    #expect(await child.wait() == 0)
    return end
}
