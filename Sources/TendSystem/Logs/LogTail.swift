#if canImport(Glibc)
import Glibc
#endif

/// The end of a log for `tend logs`: the last bytes or lines of a file, optionally reaching back into its
/// numbered backups (`NAME.1` is older than `NAME`, `NAME.2` older still), read backwards in blocks so a large
/// file is not read whole, and never more than `maximumScan` bytes of it, whatever was asked.
public enum LogTail {
    /// The most bytes one tail reads: a log of long lines (or of none, such as progress bars redrawn with `\r`)
    /// gives its last `maximumScan` bytes rather than being read whole.
    public static let maximumScan = 16 * 1024 * 1024

    /// The last `count` bytes of the log at `path` and up to `backups` of its backups, oldest first.
    public static func lastBytes(_ count: Int, of path: String, backups: Int = 0, scanning limit: Int = maximumScan) throws(LogIOError) -> [UInt8] {
        guard count > 0 else { return [] }
        var total = 0
        let bytes = try readBackwards(path: path, backups: backups, limit: limit) { block in
            total += block.count
            return total >= count
        }
        return Array(bytes.suffix(count))
    }

    /// The last `count` lines of the log at `path` and up to `backups` of its backups, as bytes; an unfinished
    /// last line counts as a line.
    public static func lastLines(_ count: Int, of path: String, backups: Int = 0, scanning limit: Int = maximumScan) throws(LogIOError) -> [UInt8] {
        guard count > 0 else { return [] }
        let newline = UInt8(ascii: "\n")
        var newlines = 0
        var isNewest = true
        let bytes = try readBackwards(path: path, backups: backups, limit: limit) { block in
            newlines += block.reduce(0) { $0 + ($1 == newline ? 1 : 0) }
            // The newline that ends the last line does not start another one.
            if isNewest, block.last == newline { newlines -= 1 }
            isNewest = false
            return newlines >= count
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

    /// Reads blocks from the newest byte backwards, handing each to `isEnough` (newest first), until it says
    /// so, the files run out or `limit` bytes are read; returns the bytes in file order.
    private static func readBackwards(
        path: String, backups: Int, limit: Int, isEnough: ([UInt8]) -> Bool
    ) throws(LogIOError) -> [UInt8] {
        let block = 64 * 1024
        var blocks: [[UInt8]] = []
        var total = 0
        let files = [path] + (0..<max(0, backups)).map { LogRotation.backupPath(of: path, number: $0 + 1) }
        reading: for file in files {
            guard let descriptor = try openLogForReading(file) else { continue }
            defer { _ = close(descriptor) }
            var end = try LogFileIdentity.of(descriptor: descriptor, path: file).1
            while end > 0 {
                let start = max(0, end - Int64(min(block, limit - total)))
                let bytes = try readLog(descriptor, path: file, at: start, count: Int(end - start))
                blocks.append(bytes)
                total += bytes.count
                end = start
                if isEnough(bytes) || total >= limit { break reading }
            }
        }
        return Array(blocks.reversed().joined())
    }
}
