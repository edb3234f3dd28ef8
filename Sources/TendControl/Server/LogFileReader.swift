import Glibc
import Synchronization

/// Reads a log file's end and then what is appended to it, across rotation (the file renamed away and a
/// new one created) and truncation, for `GET /v1/processes/{name}/logs`.
///
/// It reads only regular files: the supervisor names a log file only when the stream goes to one.
final class LogFileReader: Sendable {
    /// Why a log file could not be read.
    struct Failure: Error {
        let path: String
        let reason: String
    }

    /// The most one tail returns, whatever was asked, so a huge request cannot exhaust the daemon.
    static let maximumTail = 16 * 1024 * 1024
    /// The most one `readAppended()` returns; the rest comes on the next call.
    static let maximumChunk = 256 * 1024

    private let cursor: Mutex<LogFileCursor>

    /// Opens `path`, a regular file.
    init(path: String) throws(Failure) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw Failure(path: path, reason: "not a regular file")
        }
        cursor = Mutex(LogFileCursor(path: path, descriptor: fd, identity: (UInt64(info.st_dev), UInt64(info.st_ino))))
    }

    deinit {
        _ = cursor.withLock { close($0.descriptor) }
    }

    /// The file's last bytes or lines as it stands now; later reads go on from its current end.
    func tail(_ request: LogTailRequest) -> [UInt8] {
        cursor.withLock { $0.tail(request) }
    }

    /// What was appended since the last read; after a rotation, the old file's rest and then the new
    /// file's start. Empty when nothing is new.
    func readAppended() -> [UInt8] {
        cursor.withLock { $0.readAppended() }
    }
}

/// The open file and the position reached in it.
struct LogFileCursor {
    let path: String
    var descriptor: Int32
    var identity: (device: UInt64, inode: UInt64)
    var offset: Int64 = 0

    mutating func tail(_ request: LogTailRequest) -> [UInt8] {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return [] }
        let size = Int64(info.st_size)
        offset = size
        switch request {
        case .bytes(let count):
            let length = Int64(min(max(count, 0), LogFileReader.maximumTail))
            return read(from: max(0, size - length), count: Int(min(length, size)))
        case .lines(let count):
            return lastLines(max(count, 0), endingAt: size)
        }
    }

    mutating func readAppended() -> [UInt8] {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return [] }
        if Int64(info.st_size) < offset { offset = 0 }
        var bytes = read(from: offset, count: LogFileReader.maximumChunk)
        offset += Int64(bytes.count)
        if bytes.isEmpty, rotated() {
            bytes = read(from: 0, count: LogFileReader.maximumChunk)
            offset = Int64(bytes.count)
        }
        return bytes
    }

    /// Whether `path` now names another file; if so, switches to it.
    private mutating func rotated() -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              (UInt64(info.st_dev), UInt64(info.st_ino)) != identity else { return false }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        close(descriptor)
        descriptor = fd
        identity = (UInt64(info.st_dev), UInt64(info.st_ino))
        return true
    }

    private func lastLines(_ count: Int, endingAt size: Int64) -> [UInt8] {
        guard count > 0, size > 0 else { return [] }
        var start = size
        var collected: [UInt8] = []
        while start > 0, collected.count < LogFileReader.maximumTail {
            let from = max(0, start - 64 * 1024)
            let chunk = read(from: from, count: Int(start - from))
            guard !chunk.isEmpty else { break }
            collected = chunk + collected
            start = from
            if let cut = Self.startOfLastLines(count, in: collected) { return Array(collected[cut...]) }
        }
        return collected
    }

    /// Where the last `count` lines of `bytes` begin, or nil when `bytes` may not hold all of them. A
    /// newline that ends the bytes closes the last line rather than starting another.
    static func startOfLastLines(_ count: Int, in bytes: [UInt8]) -> Int? {
        var index = bytes.last == UInt8(ascii: "\n") ? bytes.count - 1 : bytes.count
        var seen = 0
        while index > 0 {
            index -= 1
            if bytes[index] == UInt8(ascii: "\n") {
                seen += 1
                if seen == count { return index + 1 }
            }
        }
        return nil
    }

    private func read(from position: Int64, count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + filled, count - filled, off_t(position) + off_t(filled)) }
            if got < 0, errno == EINTR { continue }
            if got <= 0 { break }
            filled += got
        }
        return Array(buffer[..<filled])
    }
}
