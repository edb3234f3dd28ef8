import Foundation
import Testing
import TendSystem

@Suite struct LogFollowerTests {
    @Test(.timeLimit(.minutes(1)))
    func aFollowerReadsEveryByteAcrossRotations() async throws {
        try await withLogTestDirectory { directory in
            let log = directory.file("followed.log")
            try await withPump { pump, recorder in
                let pipe = try LogPipe.make()
                defer { try? pipe.writeEnd.close() }
                let output = try LogOutput.open(log, rotation: LogRotation(maxBytes: 1000, backups: 2))
                let id = try pump.attach(pipe.readEnd, to: output, onEnd: recorder.callback)
                let follower = try LogFollower(path: log, backups: 2, from: .beginning)
                var signals = await pump.growthSignals(of: id).makeAsyncIterator()
                var written: [UInt8] = []
                var read: [UInt8] = []
                for chunk in 0..<20 {
                    let bytes = [UInt8](repeating: UInt8(ascii: "A") + UInt8(chunk), count: 333)
                    try writeLogBytes(bytes, to: pipe.writeEnd)
                    written += bytes
                    while read.count < written.count {
                        guard await signals.next() != nil else { break }
                        read += try follower.readAvailable()
                    }
                }
                let matches = read == written
                #expect(matches, "the follower read \(read.count) of \(written.count) bytes, in order")
                #expect(logFileExists("\(log).2"), "the log rotated several times while followed")
                pump.detach(id)
                #expect(await signals.next() == nil, "growth signals finish when the stream ends")
            }
        }
    }

    @Test func aFollowerStartingAtTheEndSeesOnlyNewBytes() async throws {
        try await withLogTestDirectory { directory in
            let log = directory.file("old.log")
            _ = FileManager.default.createFile(atPath: log, contents: Data("old\n".utf8))
            let follower = try LogFollower(path: log, backups: 0)
            #expect(try follower.readAvailable().isEmpty)
            let handle = try #require(FileHandle(forWritingAtPath: log))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("new\n".utf8))
            try handle.close()
            #expect(try follower.readAvailable() == Array("new\n".utf8))
        }
    }

    @Test func aFollowerFarBehindCatchesUpInPiecesAcrossARotationWithoutLosingAByte() async throws {
        try await withLogTestDirectory { directory in
            let log = directory.file("busy.log")
            _ = FileManager.default.createFile(atPath: log, contents: Data())
            let follower = try LogFollower(path: log, backups: 1, from: .beginning)
            let handle = try #require(FileHandle(forWritingAtPath: log))
            try handle.write(contentsOf: Data("0123456789".utf8))
            try handle.close()
            #expect(rename(log, log + ".1") == 0)
            _ = FileManager.default.createFile(atPath: log, contents: Data("abcdefg".utf8))
            var pieces: [String] = []
            while true {
                let piece = try follower.readAvailable(upTo: 4)
                if piece.isEmpty { break }
                #expect(piece.count <= 4)
                pieces.append(String(decoding: piece, as: UTF8.self))
            }
            #expect(pieces.joined() == "0123456789abcdefg")
        }
    }
}
