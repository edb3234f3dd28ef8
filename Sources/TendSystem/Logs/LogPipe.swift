import CTendSystem
import SystemPackage

/// A pipe carrying one child's output to the pump: the read end stays in the daemon (close-on-exec,
/// non-blocking) and the write end goes to the spawner, which dup2's it onto the child's 1 (and 2 with
/// `redirect_stderr`). The caller closes the write end once the child is spawned, so the pump sees end of file
/// when the child and everything it forked are gone.
public struct LogPipe: Sendable {
    /// The end the pump reads: close-on-exec and non-blocking.
    public let readEnd: FileDescriptor
    /// The end the child writes: close-on-exec (dup2 in the child clears that) and blocking, so a child only
    /// ever waits when the pipe is full.
    public let writeEnd: FileDescriptor
    /// The buffer size the kernel granted, in bytes.
    public let capacity: Int

    /// The buffer size asked for by default: 1 MiB, the unprivileged maximum (`/proc/sys/fs/pipe-max-size`),
    /// which lets a child write in large bursts without waiting for the pump.
    public static let preferredCapacity = 1 << 20

    /// Makes a pipe and tries to enlarge its buffer to `capacity` bytes. A refused enlargement (EPERM once an
    /// unprivileged user exceeds `pipe-user-pages-soft`) keeps the kernel's default size rather than failing.
    public static func make(capacity: Int = preferredCapacity) throws(LogIOError) -> LogPipe {
        var fds: [CInt] = [-1, -1]
        let result = fds.withUnsafeMutableBufferPointer { tend_io_pipe($0.baseAddress) }
        if result != 0 { throw LogIOError("pipe2", errno: lastLogErrno) }
        let granted = tend_io_set_pipe_size(fds[0], CInt(clamping: capacity))
        let size = granted > 0 ? granted : tend_io_pipe_size(fds[0])
        return LogPipe(
            readEnd: FileDescriptor(rawValue: fds[0]),
            writeEnd: FileDescriptor(rawValue: fds[1]),
            capacity: Int(size)
        )
    }
}
