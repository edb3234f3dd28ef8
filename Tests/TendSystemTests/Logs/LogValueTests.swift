import Testing
import TendSystem

@Suite struct LogValueTests {
    @Test(arguments: [
        (Int64(0), Int64(0), Int64?.none, false),
        (Int64(0), Int64(1 << 40), Int64?.none, false),
        (Int64(1000), Int64(0), Int64?.some(1000), false),
        (Int64(1000), Int64(999), Int64?.some(1), false),
        (Int64(1000), Int64(1000), Int64?.some(0), true),
        (Int64(1000), Int64(1500), Int64?.some(-500), true),
    ])
    func roomAndDueFollowMaxBytes(maxBytes: Int64, size: Int64, room: Int64?, due: Bool) {
        let rotation = LogRotation(maxBytes: maxBytes, backups: 3)
        #expect(rotation.room(afterSize: size) == room)
        #expect(rotation.isDue(atSize: size) == due)
    }

    @Test func negativeSettingsMeanNone() {
        #expect(LogRotation(maxBytes: -5, backups: -1) == .never)
    }

    @Test(arguments: [
        ("/var/log/tend", LogTarget.Stream.stdout, "/var/log/tend/web_0-stdout.log"),
        ("/var/log/tend/", LogTarget.Stream.stderr, "/var/log/tend/web_0-stderr.log"),
    ])
    func autoNamesTheFileAfterTheProcessAndStream(directory: String, stream: LogTarget.Stream, path: String) {
        #expect(LogTarget.automaticPath(logDirectory: directory, processName: "web_0", stream: stream) == path)
    }

    @Test func backupsAreNumberedFromTheNewest() {
        #expect(LogRotation.backupPath(of: "/l/app.log", number: 1) == "/l/app.log.1")
    }

    @Test func pipesAreEnlargedToTheRequestedCapacity() throws {
        let pipe = try LogPipe.make()
        defer {
            try? pipe.readEnd.close()
            try? pipe.writeEnd.close()
        }
        #expect(pipe.capacity == LogPipe.preferredCapacity)
    }
}
