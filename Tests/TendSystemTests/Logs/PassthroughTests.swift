import Foundation
import SystemPackage
import Testing
import TendSystem
import TendTestKit

@Suite struct PassthroughTests {
    @Test func aFifoIsPassedThroughAndNeverRotated() async throws {
        try await withLogTestDirectory { directory in
            let fifo = directory.file("out.fifo")
            #expect(mkfifo(fifo, 0o600) == 0)
            let reader = open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            #expect(reader >= 0)
            defer { close(reader) }
            let output = try LogOutput.open(fifo, rotation: LogRotation(maxBytes: 10, backups: 2))
            guard case .passthrough = output else {
                Issue.record("a FIFO must be passed through")
                return
            }
            let expected = countingPattern(byteCount: 300_000)
            let source = directory.file("source")
            _ = FileManager.default.createFile(atPath: source, contents: Data(expected))
            try await withPump { pump, recorder in
                let pipe = try LogPipe.make()
                let id = try pump.attach(pipe.readEnd, to: output, onEnd: recorder.callback)
                // Drained to its end on a thread of its own, whatever happens: the pump's writes into the FIFO block
                // while nobody reads, and a reader that gave up would leave the pump, and the test, stuck for good.
                async let drained = readToEnd(reader)
                let child = try LogTestChild(shell: "cat \(source)", stdout: pipe.writeEnd.rawValue, stderr: 2)
                try pipe.writeEnd.close()
                defer { child.kill() }
                let end = await recorder.awaitEnd(of: id)
                let received = await drained
                #expect(end?.reason == .endOfFile)
                #expect(end?.bytesDropped == 0, "a seek on a FIFO would fail with ESPIPE and drop bytes")
                #expect(await child.wait() == 0)
                let matches = received == expected
                #expect(matches, "the FIFO reader got every byte in order")
            }
            #expect(!logFileExists("\(fifo).1"))
        }
    }

    @Test func aFifoWhoseReaderLeftDropsBytesWithoutKillingTheDaemon() async throws {
        try await withLogTestDirectory { directory in
            let fifo = directory.file("gone.fifo")
            #expect(mkfifo(fifo, 0o600) == 0)
            let reader = open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            let output = try LogOutput.open(fifo, rotation: .never)
            close(reader)
            try await withPump(allowingErrors: true) { pump, recorder in
                let pipe = try LogPipe.make()
                defer { try? pipe.writeEnd.close() }
                let id = try pump.attach(pipe.readEnd, to: output, onEnd: recorder.callback)
                try writeLogBytes(Array("nobody listens\n".utf8), to: pipe.writeEnd)
                pump.detach(id)
                let end = await recorder.awaitEnd(of: id)
                #expect(end?.bytesDropped == 15, "EPIPE instead of a SIGPIPE that would end the process")
                #expect(end?.bytesWritten == 0)
                let errors = recorder.logs.all.filter { $0.level == .error }
                #expect(errors.count == 1)
                #expect(errors.first?.message.contains("Broken pipe") == true)
            }
        }
    }

    @Test func devNullIsPassedThrough() async throws {
        let output = try LogOutput.open("/dev/null", rotation: LogRotation(maxBytes: 10, backups: 1))
        guard case .passthrough = output else {
            Issue.record("/dev/null must be passed through")
            return
        }
        try await withPump { pump, recorder in
            let end = try await runLoggedChild("head -c 1048576 /dev/zero", into: output, pump: pump, recorder: recorder)
            #expect(end?.bytesWritten == 1 << 20)
            #expect(end?.bytesDropped == 0)
        }
    }

    @Test func theDaemonsOwnStdoutIsPassedThrough() throws {
        var output = try LogOutput.open("/dev/stdout", rotation: .supervisordDefault)
        guard case .passthrough = output else {
            Issue.record("/dev/stdout must be passed through")
            return
        }
        output.close()
    }

    @Test func aFifoWithoutAReaderFailsAtOnce() async throws {
        try await withLogTestDirectory { directory in
            let fifo = directory.file("lonely.fifo")
            #expect(mkfifo(fifo, 0o600) == 0)
            #expect(throws: LogIOError("open", path: fifo, errno: .noSuchAddressOrDevice)) {
                _ = try LogOutput.open(fifo, rotation: .never)
            }
        }
    }
}

/// Reads `descriptor` (non-blocking or not) until end of file, on a thread of its own; gives up after 30 s
/// (what it has then is short, and the test fails instead of hanging).
private func readToEnd(_ descriptor: Int32) async -> [UInt8] {
    await onThreadOfItsOwn {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let got = read(descriptor, &buffer, buffer.count)
            if got > 0 {
                bytes += buffer[0..<got]
            } else if got == 0 || (errno != EAGAIN && errno != EINTR) {
                return bytes
            } else {
                var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&ready, 1, 100)
            }
        }
        return bytes
    }
}
