/// Where one output stream of a process goes, with paths already resolved by the configuration layer.
///
/// The kind of a path target (a rotating regular file, or a passthrough to a FIFO, tty, `/dev/null` or the
/// daemon's own stdout) is decided by the file itself when it is opened, never by its name.
public enum LogTarget: Hashable, Sendable {
    /// No capture: the child's stream should be `/dev/null`, and no pipe is made for it.
    case none
    /// A file at an absolute path; rotated by `rotation` when it turns out to be a regular file.
    case path(String, rotation: LogRotation)

    /// The two output streams of a process, as log file names spell them.
    public enum Stream: String, Hashable, Sendable {
        /// The child's file descriptor 1.
        case stdout
        /// The child's file descriptor 2.
        case stderr
    }

    /// The file `auto` stands for: `LOG_DIR/NAME-stdout.log` or `LOG_DIR/NAME-stderr.log`.
    public static func automaticPath(logDirectory: String, processName: String, stream: Stream) -> String {
        let directory = logDirectory.hasSuffix("/") ? String(logDirectory.dropLast()) : logDirectory
        return "\(directory)/\(processName)-\(stream.rawValue).log"
    }
}
