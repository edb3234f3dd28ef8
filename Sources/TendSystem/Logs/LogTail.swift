#if canImport(Glibc)
import Glibc
#endif

/// The end of a log for `tend logs`: the last bytes or lines of a file, optionally reaching back into its
/// numbered backups (`NAME.1` is older than `NAME`, `NAME.2` older still), read backwards in blocks so a large
/// file is not read whole.
public enum LogTail {
    /// The last `count` bytes of the log at `path` and up to `backups` of its backups, oldest first.
    public static func lastBytes(_ count: Int, of path: String, backups: Int = 0) throws(LogIOError) -> [UInt8] {
        guard count > 0 else { return [] }
        let bytes = try readBackwards(path: path, backups: backups) { collected in collected.count >= count }
        return Array(bytes.suffix(count))
    }

    /// The last `count` lines of the log at `path` and up to `backups` of its backups, as bytes; an unfinished
    /// last line counts as a line.
    public static func lastLines(_ count: Int, of path: String, backups: Int = 0) throws(LogIOError) -> [UInt8] {
        guard count > 0 else { return [] }
        let newline = UInt8(ascii: "\n")
        let bytes = try readBackwards(path: path, backups: backups) { collected in
            newlineCount(in: collected, ignoringFinal: true) >= count
        }
        var seen = 0
        var index = bytes.endIndex
        if index > bytes.startIndex, bytes[index - 1] == newline { index -= 1 }
        while index > bytes.startIndex {
            if bytes[index - 1] == newline {
                seen += 1
                if seen == count { return Array(bytes[index...]) }
            }
            index -= 1
        }
        return bytes
    }

    private static func newlineCount(in bytes: [UInt8], ignoringFinal: Bool) -> Int {
        let total = bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return ignoringFinal && bytes.last == UInt8(ascii: "\n") ? total - 1 : total
    }

    /// Reads blocks from the newest byte backwards until `isEnough` holds for what was read, or the files run
    /// out; returns the bytes in file order.
    private static func readBackwards(
        path: String, backups: Int, isEnough: ([UInt8]) -> Bool
    ) throws(LogIOError) -> [UInt8] {
        let block = 64 * 1024
        var collected: [UInt8] = []
        let files = [path] + (0..<max(0, backups)).map { LogRotation.backupPath(of: path, number: $0 + 1) }
        for file in files {
            guard let descriptor = try openLogForReading(file) else { continue }
            defer { _ = close(descriptor) }
            var end = try LogFileIdentity.of(descriptor: descriptor, path: file).1
            while end > 0 {
                let start = max(0, end - Int64(block))
                let bytes = try readLog(descriptor, path: file, at: start, count: Int(end - start))
                collected = bytes + collected
                end = start
                if isEnough(collected) { return collected }
            }
        }
        return collected
    }
}
