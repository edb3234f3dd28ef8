import Foundation
import Glibc
import Testing
import TendSystem

/// A regular log file is open only while its stream is active: created when the output is opened, opened by
/// the pump when bytes arrive, closed again after `idleClose` of quiet.
@Suite struct LazyLogFileTests {
    /// How many of this process's descriptors are open on `path`.
    private func descriptorsOpen(on path: String) -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return entries.filter { entry in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + entry)) == path
        }.count
    }

    @Test func theFileIsCreatedAtOnceButOpenOnlyWhileBytesFlow() async throws {
        try await withLogTestDirectory { directory in
            let log = directory.file("quiet.log")
            try await withPump(idleClose: .milliseconds(100)) { pump, recorder in
                let pipe = try LogPipe.make()
                defer { try? pipe.writeEnd.close() }
                _ = try pump.attach(pipe.readEnd, to: try LogOutput.open(log, rotation: .never), onEnd: recorder.callback)
                #expect(logFileBytes(at: log) == [], "the file exists, empty, before any output")
                #expect(descriptorsOpen(on: log) == 0)

                try writeLogBytes(Array("one\n".utf8), to: pipe.writeEnd)
                await awaitLogCondition("the first line in the file") { logFileBytes(at: log) == Array("one\n".utf8) }
                await awaitLogCondition("the quiet file to be closed") { descriptorsOpen(on: log) == 0 }

                try writeLogBytes(Array("two\n".utf8), to: pipe.writeEnd)
                await awaitLogCondition("the second line appended") { logFileBytes(at: log) == Array("one\ntwo\n".utf8) }
            }
        }
    }

    @Test func aFileRemovedWhileClosedIsCreatedAgainByTheNextOutput() async throws {
        try await withLogTestDirectory { directory in
            let log = directory.file("removed.log")
            try await withPump(idleClose: .milliseconds(50)) { pump, recorder in
                let pipe = try LogPipe.make()
                defer { try? pipe.writeEnd.close() }
                _ = try pump.attach(pipe.readEnd, to: try LogOutput.open(log, rotation: .never), onEnd: recorder.callback)
                try writeLogBytes(Array("before\n".utf8), to: pipe.writeEnd)
                await awaitLogCondition("the line in the file") { logFileBytes(at: log) == Array("before\n".utf8) }
                await awaitLogCondition("the quiet file to be closed") { descriptorsOpen(on: log) == 0 }
                #expect(unlink(log) == 0)

                try writeLogBytes(Array("after\n".utf8), to: pipe.writeEnd)
                await awaitLogCondition("a new file with the new line") { logFileBytes(at: log) == Array("after\n".utf8) }
            }
        }
    }

    @Test func rotationCountsTheBytesWrittenBeforeTheFileWasClosed() async throws {
        try await withLogTestDirectory { directory in
            let log = directory.file("rotated.log")
            try await withPump(idleClose: .milliseconds(50)) { pump, recorder in
                let pipe = try LogPipe.make()
                defer { try? pipe.writeEnd.close() }
                let output = try LogOutput.open(log, rotation: LogRotation(maxBytes: 10, backups: 1))
                _ = try pump.attach(pipe.readEnd, to: output, onEnd: recorder.callback)
                try writeLogBytes(Array("12345678\n".utf8), to: pipe.writeEnd)
                await awaitLogCondition("nine bytes in the file") { logFileBytes(at: log)?.count == 9 }
                await awaitLogCondition("the quiet file to be closed") { descriptorsOpen(on: log) == 0 }

                try writeLogBytes(Array("abc\n".utf8), to: pipe.writeEnd)
                await awaitLogCondition("the boundary at 10 bytes") {
                    logFileBytes(at: log + ".1") == Array("12345678\na".utf8) && logFileBytes(at: log) == Array("bc\n".utf8)
                }
            }
        }
    }
}
