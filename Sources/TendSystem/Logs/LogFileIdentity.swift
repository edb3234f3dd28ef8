#if canImport(Glibc)
import Glibc
#endif

/// Which file a path or descriptor refers to (device and inode), to notice that a path now names a new file.
struct LogFileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    /// The identity of the file at `path`, or nil when nothing is there.
    static func of(path: String) throws(LogIOError) -> LogFileIdentity? {
        var status = stat()
        if stat(path, &status) == 0 { return LogFileIdentity(status) }
        let error = lastLogErrno
        if error == .noSuchFileOrDirectory { return nil }
        throw LogIOError("stat", path: path, errno: error)
    }

    /// The identity and size of the open file `descriptor`.
    static func of(descriptor: CInt, path: String) throws(LogIOError) -> (LogFileIdentity, Int64) {
        var status = stat()
        _ = try retryingLogCall("fstat", path: path) { fstat(descriptor, &status) }
        return (LogFileIdentity(status), Int64(status.st_size))
    }

    private init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}

/// Opens `path` read-only and close-on-exec; nil when it does not exist.
func openLogForReading(_ path: String) throws(LogIOError) -> CInt? {
    while true {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        if descriptor >= 0 { return descriptor }
        let error = lastLogErrno
        if error == .noSuchFileOrDirectory { return nil }
        if error != .interrupted { throw LogIOError("open", path: path, errno: error) }
    }
}

/// Reads up to `count` bytes at `offset` of `descriptor`, fewer only at end of file.
func readLog(_ descriptor: CInt, path: String, at offset: Int64, count: Int) throws(LogIOError) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    let filled: Result<Int, LogIOError> = bytes.withUnsafeMutableBytes { buffer in
        var filled = 0
        while filled < count {
            let got = pread(descriptor, buffer.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled))
            if got == 0 { break }
            if got > 0 {
                filled += got
            } else if lastLogErrno != .interrupted {
                return .failure(LogIOError("pread", path: path, errno: lastLogErrno))
            }
        }
        return .success(filled)
    }
    let got = try filled.get()
    bytes.removeLast(count - got)
    return bytes
}
