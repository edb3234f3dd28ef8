import Foundation
import Testing
import TendSystem

@Suite struct LogTailTests {
    /// A log and two backups: `a` lines are the oldest, the live file ends without a newline.
    private func withChain(_ body: (String) throws -> Void) async throws {
        try await withLogTestDirectory { directory in
            let log = directory.file("app.log")
            _ = FileManager.default.createFile(atPath: "\(log).2", contents: Data("a1\na2\n".utf8))
            _ = FileManager.default.createFile(atPath: "\(log).1", contents: Data("b1\nb2\n".utf8))
            _ = FileManager.default.createFile(atPath: log, contents: Data("c1\nc2".utf8))
            try body(log)
        }
    }

    @Test(arguments: [
        (4, 0, "1\nc2"), (100, 0, "c1\nc2"), (8, 2, "b2\nc1\nc2"), (100, 2, "a1\na2\nb1\nb2\nc1\nc2"), (0, 2, ""),
    ])
    func lastBytesReachIntoBackups(count: Int, backups: Int, expected: String) async throws {
        try await withChain { log in
            let tail = try LogTail.lastBytes(count, of: log, backups: backups)
            #expect(String(decoding: tail, as: UTF8.self) == expected)
        }
    }

    @Test(arguments: [
        (1, 0, "c2"), (2, 0, "c1\nc2"), (10, 0, "c1\nc2"), (3, 2, "b2\nc1\nc2"), (5, 1, "b1\nb2\nc1\nc2"), (0, 1, ""),
    ])
    func lastLinesReachIntoBackups(count: Int, backups: Int, expected: String) async throws {
        try await withChain { log in
            let tail = try LogTail.lastLines(count, of: log, backups: backups)
            #expect(String(decoding: tail, as: UTF8.self) == expected)
        }
    }

    @Test func aLogWithoutNewlinesIsReadNoFurtherBackThanTheScanLimit() async throws {
        try await withLogTestDirectory { directory in
            let log = directory.file("bar.log")
            let limit = 200_000
            var bytes = [UInt8](repeating: UInt8(ascii: "\r"), count: limit + 100_000)
            bytes[0] = UInt8(ascii: "x")
            bytes[bytes.count - 1] = UInt8(ascii: "y")
            _ = FileManager.default.createFile(atPath: log, contents: Data(bytes))
            let tail = try LogTail.lastLines(10, of: log, scanning: limit)
            #expect(tail.count == limit)
            #expect(tail.last == UInt8(ascii: "y"))
            #expect(try LogTail.lastBytes(limit * 2, of: log, scanning: limit).count == limit)
        }
    }

    @Test func lastLinesKeepTheFinalNewlineAndCrossReadBlocks() async throws {
        try await withLogTestDirectory { directory in
            let log = directory.file("long.log")
            let lines = (0..<100_000).map { "line \($0)\n" }
            _ = FileManager.default.createFile(atPath: log, contents: Data(lines.joined().utf8))
            #expect(String(decoding: try LogTail.lastLines(1, of: log), as: UTF8.self) == "line 99999\n")
            let tail = try LogTail.lastLines(70_000, of: log)
            let matches = String(decoding: tail, as: UTF8.self) == lines.suffix(70_000).joined()
            #expect(matches, "70,000 lines span many 64 KiB blocks")
        }
    }

    @Test func aMissingLogHasNoTail() throws {
        #expect(try LogTail.lastLines(5, of: "/nonexistent/tend/app.log", backups: 3).isEmpty)
    }
}
