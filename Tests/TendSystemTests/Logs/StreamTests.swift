import Foundation
import SystemPackage
import Testing
import TendSystem

@Suite struct StreamTests {
    @Test func redirectStderrInterleavesBothStreamsInOneFile() async throws {
        try await withLogTestDirectory { directory in
            let log = directory.file("merged.log")
            try await withPump { pump, recorder in
                let output = try LogOutput.open(log, rotation: .never)
                let script = "echo out1; echo err1 >&2; echo out2; echo err2 >&2"
                let end = try await runLoggedChild(script, into: output, pump: pump, recorder: recorder, mergeStderr: true)
                #expect(end?.reason == .endOfFile)
            }
            #expect(logFileBytes(at: log).map { String(decoding: $0, as: UTF8.self) } == "out1\nerr1\nout2\nerr2\n")
        }
    }

    @Test func endOfFileIsReportedWhenTheChildExits() async throws {
        try await withPump { pump, recorder in
            let output = try LogOutput.open("/dev/null", rotation: .never)
            let end = try await runLoggedChild("echo bye", into: output, pump: pump, recorder: recorder)
            #expect(end?.reason == .endOfFile)
            #expect(end?.bytesWritten == 4)
        }
    }

    @Test func detachWritesWhatThePipeHoldsThenReportsIt() async throws {
        try await withLogTestDirectory { directory in
            let log = directory.file("detached.log")
            try await withPump { pump, recorder in
                let pipe = try LogPipe.make()
                defer { try? pipe.writeEnd.close() }
                let id = try pump.attach(pipe.readEnd, to: try LogOutput.open(log, rotation: .never), onEnd: recorder.callback)
                try writeLogBytes(Array("still open".utf8), to: pipe.writeEnd)
                pump.detach(id)
                let end = await recorder.awaitEnd(of: id)
                #expect(end?.reason == .detached)
                #expect(end?.bytesWritten == 10)
            }
            #expect(logFileBytes(at: log) == Array("still open".utf8))
        }
    }

    @Test func shutdownEndsTheStreamsStillOpen() async throws {
        let pump = try LogPump()
        let recorder = LogStreamEndRecorder()
        let pipe = try LogPipe.make()
        defer { try? pipe.writeEnd.close() }
        let id = try pump.attach(pipe.readEnd, to: try LogOutput.open("/dev/null", rotation: .never), onEnd: recorder.callback)
        await pump.shutdown()
        #expect(recorder.end(of: id)?.reason == .pumpStopped)
        #expect(throws: LogIOError.self) {
            try pump.attach(try LogPipe.make().readEnd, to: try LogOutput.open("/dev/null", rotation: .never)) { _ in }
        }
    }

    @Test func aChildIsNotStalledWhileThePumpIsBusyWithAnother() async throws {
        try await withLogTestDirectory { directory in
            try await withPump { pump, recorder in
                let busyPipe = try LogPipe.make()
                let busyLog = directory.file("busy.log")
                let busyOutput = try LogOutput.open(busyLog, rotation: LogRotation(maxBytes: 8 << 20, backups: 1))
                let busyID = try pump.attach(busyPipe.readEnd, to: busyOutput, onEnd: recorder.callback)
                let busy = try LogTestChild(shell: "exec yes tend", stdout: busyPipe.writeEnd.rawValue, stderr: 2)
                try busyPipe.writeEnd.close()
                defer { busy.kill() }
                await awaitLogCondition("the busy child's log to grow") { (logFileBytes(at: busyLog)?.count ?? 0) > 1 << 20 }

                let quietLog = directory.file("quiet.log")
                let quietOutput = try LogOutput.open(quietLog, rotation: .never)
                let quietEnd = try await runLoggedChild("echo hello", into: quietOutput, pump: pump, recorder: recorder)
                #expect(quietEnd?.reason == .endOfFile)
                #expect(logFileBytes(at: quietLog) == Array("hello\n".utf8))
                #expect(busy.isRunning, "the quiet child finished while the busy one kept writing")

                busy.kill()
                let busyEnd = await recorder.awaitEnd(of: busyID)
                #expect(busyEnd?.reason == .endOfFile)
                #expect((busyEnd?.bytesWritten ?? 0) > 1 << 20)
            }
        }
    }

    @Test func reopenAfterAnExternalRenameStartsANewFileAndKeepsTheOldOne() async throws {
        try await withLogTestDirectory { directory in
            let log = directory.file("app.log")
            let moved = directory.file("app.log.moved")
            // The file must still be open when reopenAll comes (a closed one is left for its next write to create):
            // with the default second, a loaded machine closed it first now and then.
            try await withPump(idleClose: .seconds(600)) { pump, recorder in
                let pipe = try LogPipe.make()
                defer { try? pipe.writeEnd.close() }
                let id = try pump.attach(pipe.readEnd, to: try LogOutput.open(log, rotation: .never), onEnd: recorder.callback)
                try writeLogBytes(Array("before\n".utf8), to: pipe.writeEnd)
                await awaitLogCondition("the first line") { logFileBytes(at: log)?.count == 7 }
                #expect(rename(log, moved) == 0)
                await pump.reopenAll()
                #expect(logFileExists(log), "reopen creates the file again at its path")
                try writeLogBytes(Array("after\n".utf8), to: pipe.writeEnd)
                await awaitLogCondition("the second line") { logFileBytes(at: log)?.count == 6 }
                pump.detach(id)
                _ = await recorder.awaitEnd(of: id)
            }
            #expect(logFileBytes(at: moved) == Array("before\n".utf8))
            #expect(logFileBytes(at: log) == Array("after\n".utf8))
        }
    }

    @Test func theRotationPolicyChangesInPlace() async throws {
        try await withLogTestDirectory { directory in
            let log = directory.file("resized.log")
            try await withPump { pump, recorder in
                let pipe = try LogPipe.make()
                defer { try? pipe.writeEnd.close() }
                let id = try pump.attach(pipe.readEnd, to: try LogOutput.open(log, rotation: .never), onEnd: recorder.callback)
                try writeLogBytes(Array(repeating: UInt8(ascii: "a"), count: 300), to: pipe.writeEnd)
                await awaitLogCondition("the first bytes") { logFileBytes(at: log)?.count == 300 }
                pump.setRotation(LogRotation(maxBytes: 100, backups: 1), for: id)
                try writeLogBytes(Array("b".utf8), to: pipe.writeEnd)
                pump.detach(id)
                _ = await recorder.awaitEnd(of: id)
            }
            #expect(logFileBytes(at: "\(log).1")?.count == 300)
            #expect(logFileBytes(at: log) == Array("b".utf8))
        }
    }
}
