#if canImport(Glibc)
import Glibc
#endif
import CTendSystem
import SystemPackage

/// A regular log file the daemon owns: bytes are spliced into it at its end, and it rotates by renaming at
/// the `maxBytes` boundary so that no byte is lost, duplicated or reordered across the numbered backups.
///
/// The size is kept in memory (read once from fstat when the file is opened) because the pump is its only
/// writer. The file is opened without O_APPEND since splice(2) refuses append-mode files; the position is set
/// to the end at open instead.
public struct RotatingLogFile: Sendable {
    /// The file's path; rotation renames it to `path.1` and opens a new file here.
    public let path: String
    /// The rotation policy, changeable in place while the file is open.
    public internal(set) var rotation: LogRotation
    /// The file's current size as the pump counts it.
    public private(set) var size: Int64
    /// The open descriptor, positioned at the end of the file.
    private(set) var descriptor: CInt

    /// Takes over `descriptor`, already open for writing on the regular file at `path`, and positions it at
    /// the end of the file.
    init(adopting descriptor: CInt, path: String, rotation: LogRotation) throws(LogIOError) {
        self.path = path
        self.rotation = rotation
        self.descriptor = descriptor
        self.size = Int64(try retryingLogCall("lseek", path: path) { lseek(descriptor, 0, SEEK_END) })
    }

    /// Whether the next byte must go to a fresh file.
    var isDueForRotation: Bool { rotation.isDue(atSize: size) }

    /// The most one splice call is asked to move; the kernel refuses lengths whose end would overflow the
    /// file offset, and a pipe never holds more than this anyway.
    static let largestSplice = 16 << 20

    /// Splices up to `limit` bytes from `pipe`, never past the rotation boundary.
    mutating func transfer(from pipe: CInt, limit: Int) throws(LogWriteFailure) -> LogTransfer {
        var length = Int64(min(limit, Self.largestSplice))
        if let room = rotation.room(afterSize: size) { length = min(length, max(room, 1)) }
        let moved = tend_io_splice(pipe, descriptor, Int(length))
        if moved > 0 {
            size += Int64(moved)
            return .moved(moved)
        }
        if moved == 0 { return .endOfFile }
        let error = lastLogErrno
        if error == .resourceTemporarilyUnavailable { return .pipeEmpty }
        throw LogWriteFailure(error: LogIOError("splice", path: path, errno: error), lostBytes: 0)
    }

    /// Starts a new file: shifts `path.(n-1)` to `path.n` down to `path` to `path.1` and opens an empty `path`,
    /// or truncates the file in place when no backups are kept.
    ///
    /// The size restarts at zero even when a step fails, so writing goes on into the current file and the next
    /// attempt comes one `maxBytes` later instead of on every write.
    mutating func rotate() throws(LogIOError) {
        size = 0
        let descriptor = self.descriptor
        if rotation.backups == 0 {
            _ = try retryingLogCall("ftruncate", path: path) { ftruncate(descriptor, 0) }
            _ = try retryingLogCall("lseek", path: path) { lseek(descriptor, 0, SEEK_SET) }
            return
        }
        for number in stride(from: rotation.backups - 1, through: 1, by: -1) {
            try renameIfPresent(
                LogRotation.backupPath(of: path, number: number),
                to: LogRotation.backupPath(of: path, number: number + 1)
            )
        }
        try renameIfPresent(path, to: LogRotation.backupPath(of: path, number: 1))
        let fresh = try Self.openDescriptor(path, truncating: true)
        _ = Glibc.close(descriptor)
        self.descriptor = fresh
    }

    /// Closes the file and opens whatever is at `path` now, creating it if it is gone, so an external
    /// rotation (logrotate moving the file away, then SIGUSR2) takes effect.
    mutating func reopen() throws(LogIOError) {
        let fresh = try Self.openDescriptor(path, truncating: false)
        let path = self.path
        let end: Int64
        do throws(LogIOError) {
            end = Int64(try retryingLogCall("lseek", path: path) { lseek(fresh, 0, SEEK_END) })
        } catch {
            _ = Glibc.close(fresh)
            throw error
        }
        _ = Glibc.close(descriptor)
        descriptor = fresh
        size = end
    }

    /// Changes the rotation policy; a lowered `maxBytes` takes effect with the next byte.
    mutating func setRotation(_ rotation: LogRotation) {
        self.rotation = rotation
    }

    /// Closes the descriptor; the value must not be used afterwards.
    func close() {
        _ = Glibc.close(descriptor)
    }

    private func renameIfPresent(_ source: String, to destination: String) throws(LogIOError) {
        if Glibc.rename(source, destination) == 0 { return }
        let error = lastLogErrno
        if error != .noSuchFileOrDirectory { throw LogIOError("rename", path: source, errno: error) }
    }

    private static func openDescriptor(_ path: String, truncating: Bool) throws(LogIOError) -> CInt {
        var flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOCTTY
        if truncating { flags |= O_TRUNC }
        return try retryingLogCall("open", path: path) { Glibc.open(path, flags, 0o644) }
    }
}
