#if canImport(Glibc)
import Glibc
#endif

/// A log output that is not a regular file (the daemon's own stdout or stderr, `/dev/null`, a FIFO, a tty):
/// bytes are copied to it with read(2) and write(2), and it is never seeked, truncated or rotated, so
/// unseekable files work (supervisord fails on them with "Illegal seek").
///
/// Writes block when the output does (a FIFO whose reader is slow), which holds back the pump; pass through
/// only to outputs that keep up.
public struct PassthroughLog: Sendable {
    /// The path the output was opened at, for messages.
    public let path: String
    /// The open descriptor (append mode where the file supports it).
    let descriptor: CInt

    /// Copies up to `limit` bytes from `pipe` through `buffer` to the output.
    func transfer(
        from pipe: CInt, limit: Int, buffer: UnsafeMutableRawBufferPointer
    ) throws(LogWriteFailure) -> LogTransfer {
        try copyThrough(buffer, from: pipe, to: descriptor, path: path, limit: limit)
    }

    /// Closes the descriptor; the value must not be used afterwards.
    func close() {
        _ = Glibc.close(descriptor)
    }
}

/// Copies up to `limit` bytes from `pipe` through `buffer` to `descriptor` with read(2) and write(2). The pipe's
/// lock is held only while read copies out of it, so the child can refill the pipe while the bytes go to the
/// output; a write that fails loses what was read (reported as `lostBytes`).
func copyThrough(
    _ buffer: UnsafeMutableRawBufferPointer, from pipe: CInt, to descriptor: CInt, path: String, limit: Int
) throws(LogWriteFailure) -> LogTransfer {
    let length = min(limit, buffer.count)
    var got: Int
    repeat { got = read(pipe, buffer.baseAddress, length) } while got < 0 && lastLogErrno == .interrupted
    if got == 0 { return .endOfFile }
    if got < 0 {
        let error = lastLogErrno
        if error == .resourceTemporarilyUnavailable { return .pipeEmpty }
        throw LogWriteFailure(error: LogIOError("read", errno: error), lostBytes: 0)
    }
    var written = 0
    while written < got {
        let result = write(descriptor, buffer.baseAddress! + written, got - written)
        if result >= 0 {
            written += result
        } else if lastLogErrno != .interrupted {
            let error = LogIOError("write", path: path, errno: lastLogErrno)
            throw LogWriteFailure(error: error, lostBytes: got - written)
        }
    }
    return .moved(got)
}
