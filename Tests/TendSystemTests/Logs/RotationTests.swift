import Foundation
import Testing
import TendSystem

@Suite struct RotationTests {
    /// One scenario: a child writes `total` bytes into a log rotating at `maxBytes` with `backups` files.
    struct Case: CustomTestStringConvertible, Sendable {
        let maxBytes: Int
        let backups: Int
        let total: Int
        var testDescription: String { "\(total) bytes, rotate at \(maxBytes), keep \(backups)" }
    }

    @Test(arguments: [
        Case(maxBytes: 1000, backups: 0, total: 4500),
        Case(maxBytes: 1000, backups: 1, total: 4500),
        Case(maxBytes: 1000, backups: 3, total: 10_000),
        Case(maxBytes: 1000, backups: 2, total: 999),
        Case(maxBytes: 0, backups: 2, total: 5000),
    ])
    func keepsTheNewestBytesInOrderAcrossTheBackups(scenario: Case) async throws {
        try await withLogTestDirectory { directory in
            let written = countingPattern(byteCount: scenario.total)
            let source = directory.file("source")
            _ = FileManager.default.createFile(atPath: source, contents: Data(written))
            let log = directory.file("app.log")
            let rotation = LogRotation(maxBytes: Int64(scenario.maxBytes), backups: scenario.backups)
            try await withPump { pump, recorder in
                let output = try LogOutput.open(log, rotation: rotation)
                let end = try await runLoggedChild("cat \(source)", into: output, pump: pump, recorder: recorder)
                #expect(end?.reason == .endOfFile)
                #expect(end?.bytesWritten == UInt64(scenario.total))
            }
            try expectRotated(log: log, written: written, rotation: rotation)
        }
    }

    @Test func fiftyMegabytesRotateAtOneMegabyteWithThreeBackups() async throws {
        try await withLogTestDirectory { directory in
            let megabyte = 1 << 20
            let written = countingPattern(byteCount: 50 * megabyte + 12_345)
            let source = directory.file("source")
            _ = FileManager.default.createFile(atPath: source, contents: Data(written))
            let log = directory.file("big.log")
            let rotation = LogRotation(maxBytes: Int64(megabyte), backups: 3)
            try await withPump { pump, recorder in
                let output = try LogOutput.open(log, rotation: rotation)
                let end = try await runLoggedChild("cat \(source)", into: output, pump: pump, recorder: recorder)
                #expect(end?.bytesWritten == UInt64(written.count))
                #expect(end?.bytesDropped == 0)
            }
            for number in 1...3 {
                #expect(logFileBytes(at: "\(log).\(number)")?.count == megabyte)
            }
            #expect(logFileBytes(at: log)?.count == 12_345)
            #expect(!logFileExists("\(log).4"))
            let kept = [3, 2, 1].compactMap { logFileBytes(at: "\(log).\($0)") }.joined() + (logFileBytes(at: log) ?? [])
            let matches = kept == Array(written.suffix(3 * megabyte + 12_345))
            #expect(matches, "NAME.3 NAME.2 NAME.1 NAME hold the newest bytes written, in order")
        }
    }

    @Test func appendsToAnExistingFileAndCountsItsSize() async throws {
        try await withLogTestDirectory { directory in
            let log = directory.file("existing.log")
            let earlier = [UInt8](repeating: UInt8(ascii: "e"), count: 700)
            _ = FileManager.default.createFile(atPath: log, contents: Data(earlier))
            let rotation = LogRotation(maxBytes: 1000, backups: 1)
            try await withPump { pump, recorder in
                let output = try LogOutput.open(log, rotation: rotation)
                guard case .rotatingFile(let file) = output else {
                    Issue.record("a regular file must rotate")
                    return
                }
                #expect(file.size == 700)
                _ = try await runLoggedChild("printf %0500d 0", into: output, pump: pump, recorder: recorder)
            }
            let zeros = [UInt8](repeating: UInt8(ascii: "0"), count: 500)
            let backupMatches = logFileBytes(at: "\(log).1") == earlier + zeros.prefix(300)
            let liveMatches = logFileBytes(at: log) == Array(zeros.suffix(200))
            #expect(backupMatches, "the first rotation came 300 bytes after the 700 already there")
            #expect(liveMatches)
        }
    }

    /// Checks that the live file holds the newest partial chunk, each kept backup exactly `maxBytes`, and that
    /// the chain, oldest first, equals the newest bytes written.
    private func expectRotated(log: String, written: [UInt8], rotation: LogRotation) throws {
        let maxBytes = Int(rotation.maxBytes)
        guard maxBytes > 0 else {
            #expect(logFileBytes(at: log) == written)
            #expect(!logFileExists("\(log).1"))
            return
        }
        let live = written.count % maxBytes
        let completed = (written.count - live) / maxBytes
        let kept = min(completed, rotation.backups)
        #expect(logFileBytes(at: log)?.count == live)
        var chain: [UInt8] = []
        for number in stride(from: kept, through: 1, by: -1) {
            let backup = logFileBytes(at: "\(log).\(number)")
            #expect(backup?.count == maxBytes)
            chain += backup ?? []
        }
        #expect(!logFileExists("\(log).\(kept + 1)"))
        chain += logFileBytes(at: log) ?? []
        let matches = chain == Array(written.suffix(live + kept * maxBytes))
        #expect(matches, "the backups, oldest first, then the live file hold the newest bytes written")
    }
}
