#if canImport(Glibc)
import Glibc
#endif

/// Reads a log file as it grows, for `tend logs -f`, without losing bytes when it rotates.
///
/// The follower keeps its file open: when the path comes to name a new file (rotation or reopen), it reads
/// the old file to its end, then moves to the next newer file of the backup chain. Bytes are lost only where
/// the pump discarded them first: a file truncated because it keeps no backups, or more rotations than
/// backups between two reads. Call `readAvailable()` whenever `LogPump.growthSignals(of:)` fires.
public final class LogFollower {
    /// Where following starts.
    public enum Start: Sendable {
        /// At the current end: only new bytes.
        case end
        /// At the beginning of the current file.
        case beginning
    }

    /// The log's path.
    public let path: String
    /// How many numbered backups the log keeps, to find the file that followed a rotated one.
    public let backups: Int
    private var descriptor: CInt?
    private var identity: LogFileIdentity?
    private var offset: Int64 = 0

    /// Starts following `path`; a missing file is picked up when it appears.
    public init(path: String, backups: Int, from start: Start = .end) throws(LogIOError) {
        self.path = path
        self.backups = backups
        if try open(path), start == .end, let descriptor {
            offset = try LogFileIdentity.of(descriptor: descriptor, path: path).1
        }
    }

    deinit {
        if let descriptor { _ = close(descriptor) }
    }

    /// The bytes appended since the last call, across rotations, in order: at most `limit` of them, so a
    /// follower that fell behind a busy log catches up in pieces rather than reading gigabytes at once (the
    /// rest comes with the next calls).
    public func readAvailable(upTo limit: Int = 1 << 20) throws(LogIOError) -> [UInt8] {
        var output: [UInt8] = []
        while true {
            guard let descriptor, let identity else {
                if try open(path) { continue }
                return output
            }
            output += try drain(descriptor, upTo: limit - output.count)
            if output.count >= limit { return output }
            guard let current = try LogFileIdentity.of(path: path), current != identity else { return output }
            output += try drain(descriptor, upTo: limit - output.count)
            // The rotated file is left only once it has been read to its end.
            if output.count >= limit { return output }
            let next = try successor(of: identity)
            close(descriptor)
            self.descriptor = nil
            self.identity = nil
            if try !open(next) { return output }
        }
    }

    private func drain(_ descriptor: CInt, upTo limit: Int) throws(LogIOError) -> [UInt8] {
        let size = try LogFileIdentity.of(descriptor: descriptor, path: path).1
        if size < offset { offset = 0 }
        guard size > offset, limit > 0 else { return [] }
        let bytes = try readLog(descriptor, path: path, at: offset, count: Int(min(size - offset, Int64(limit))))
        offset += Int64(bytes.count)
        return bytes
    }

    /// The file written after the one with `identity`: the next newer backup, or the live path when it was the
    /// newest backup or has left the chain.
    private func successor(of identity: LogFileIdentity) throws(LogIOError) -> String {
        guard backups > 0 else { return path }
        for number in 1...backups {
            if try LogFileIdentity.of(path: LogRotation.backupPath(of: path, number: number)) == identity {
                return number == 1 ? path : LogRotation.backupPath(of: path, number: number - 1)
            }
        }
        return path
    }

    private func open(_ file: String) throws(LogIOError) -> Bool {
        guard let opened = try openLogForReading(file) else { return false }
        descriptor = opened
        identity = try LogFileIdentity.of(descriptor: opened, path: file).0
        offset = 0
        return true
    }
}
