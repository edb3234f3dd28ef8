#if canImport(Glibc)
import Glibc
#endif
import CTendSystem

/// An opened log destination, its kind decided by what the file is: a regular file rotates, anything else is
/// passed through untouched.
public enum LogOutput: Sendable {
    /// A regular file, rotated at its boundary.
    case rotatingFile(RotatingLogFile)
    /// A FIFO, character device, socket or the daemon's own stdout/stderr, written as is.
    case passthrough(PassthroughLog)

    /// Opens `path` for a process's output. `/dev/stdout` and `/dev/stderr` are the daemon's own descriptors 1
    /// and 2; other paths are opened (a regular file is created when missing) and checked with fstat. A regular
    /// file is closed again at once: the pump opens it while output flows (see `RotatingLogFile`).
    ///
    /// A FIFO is opened without blocking, so one with no reader fails at once with ENXIO instead of hanging
    /// the caller.
    public static func open(_ path: String, rotation: LogRotation) throws(LogIOError) -> LogOutput {
        if let inherited = inheritedDescriptor(for: path) {
            let copy = try retryingLogCall("dup", path: path) { tend_io_dup_cloexec(inherited) }
            return .passthrough(PassthroughLog(path: path, descriptor: copy))
        }
        let flags = O_WRONLY | O_CREAT | O_NONBLOCK | O_NOCTTY | O_CLOEXEC
        let descriptor = try retryingLogCall("open", path: path) { Glibc.open(path, flags, 0o644) }
        do throws(LogIOError) {
            var status = stat()
            _ = try retryingLogCall("fstat", path: path) { fstat(descriptor, &status) }
            if (status.st_mode & S_IFMT) == S_IFREG {
                // Created and found to be a regular file: it is opened again when output arrives.
                _ = Glibc.close(descriptor)
                return .rotatingFile(RotatingLogFile(closedAt: path, size: Int64(status.st_size), rotation: rotation))
            }
            _ = try retryingLogCall("fcntl", path: path) { tend_io_set_flags(descriptor, 0, 1) }
            return .passthrough(PassthroughLog(path: path, descriptor: descriptor))
        } catch {
            _ = Glibc.close(descriptor)
            throw error
        }
    }

    /// The target's path, for messages.
    public var path: String {
        switch self {
        case .rotatingFile(let file): file.path
        case .passthrough(let log): log.path
        }
    }

    /// Closes an output that was never handed to `LogPump.attach` (the spawn failed); the pump closes the
    /// ones it owns. A passthrough output must not be used afterwards; a rotating file opens again when written.
    public mutating func close() {
        switch self {
        case .rotatingFile(var file):
            file.close()
            self = .rotatingFile(file)
        case .passthrough(let log):
            log.close()
        }
    }

    private static func inheritedDescriptor(for path: String) -> CInt? {
        switch path {
        case "/dev/stdout": 1
        case "/dev/stderr": 2
        default: nil
        }
    }
}
