#if canImport(Glibc)
import Glibc
#endif
import CTendSystem
import SystemPackage

/// A regular log file the daemon owns: bytes are appended at its end, and it rotates by renaming at
/// the `maxBytes` boundary so that no byte is lost, duplicated or reordered across the numbered backups.
///
/// The file is open only while output flows: the pump opens it when bytes arrive and closes it once the
/// stream has been quiet for a while, so a thousand quiet programs do not hold two thousand descriptors.
/// Each opening reads the size afresh, which also picks up a file that was truncated or moved away meanwhile.
/// Between openings the size is kept in memory, because the pump is the file's only writer. The file is opened
/// without O_APPEND; the position is set to the end at each opening instead.
public struct RotatingLogFile: Sendable {
    /// The file's path; rotation renames it to `path.1` and opens a new file here.
    public let path: String
    /// The rotation policy, changeable in place while the file is open.
    public internal(set) var rotation: LogRotation
    /// The file's current size as the pump counts it.
    public private(set) var size: Int64
    /// The open descriptor, positioned at the end of the file, or -1 while the file is closed.
    private(set) var descriptor: CInt

    /// A closed log file at `path` whose size is `size` (the caller created it and read its size).
    init(closedAt path: String, size: Int64, rotation: LogRotation) {
        self.path = path
        self.rotation = rotation
        self.descriptor = -1
        self.size = size
    }

    /// Whether the file is open now.
    var isOpen: Bool { descriptor >= 0 }

    /// Opens the file at `path` (creating it if it is gone) and positions it at the end, unless it is open.
    mutating func open() throws(LogIOError) {
        guard descriptor < 0 else { return }
        let fresh = try Self.openDescriptor(path, truncating: false)
        let path = self.path
        do throws(LogIOError) {
            size = Int64(try retryingLogCall("lseek", path: path) { lseek(fresh, 0, SEEK_END) })
        } catch {
            _ = Glibc.close(fresh)
            throw error
        }
        descriptor = fresh
    }

    /// Whether the next byte must go to a fresh file.
    var isDueForRotation: Bool { rotation.isDue(atSize: size) }

    /// Copies up to `limit` bytes from `pipe` through `buffer`, never past the rotation boundary.
    ///
    /// read(2) and write(2) rather than splice(2): splice holds the pipe's lock while it writes into the file, so
    /// the child could not refill the pipe meanwhile and the two took turns (perf: a sixth of the pump's time
    /// spinning on that lock, 750-870 MiB/s where `writer | cat > file` made 1,100-1,600 MiB/s). The extra copy
    /// through user space costs less than losing that overlap.
    mutating func transfer(
        from pipe: CInt, limit: Int, buffer: UnsafeMutableRawBufferPointer
    ) throws(LogWriteFailure) -> LogTransfer {
        do throws(LogIOError) {
            try open()
        } catch {
            throw LogWriteFailure(error: error, lostBytes: 0)
        }
        var length = Int64(limit)
        if let room = rotation.room(afterSize: size) { length = min(length, max(room, 1)) }
        let outcome = try copyThrough(buffer, from: pipe, to: descriptor, path: path, limit: Int(length))
        if case .moved(let count) = outcome { size += Int64(count) }
        return outcome
    }

    /// Starts a new file: shifts `path.(n-1)` to `path.n` down to `path` to `path.1` and opens an empty `path`,
    /// or truncates the file in place when no backups are kept.
    ///
    /// The size restarts at zero even when a step fails, so writing goes on into the current file and the next
    /// attempt comes one `maxBytes` later instead of on every write.
    mutating func rotate() throws(LogIOError) {
        if rotation.backups == 0 {
            try open()
            size = 0
            let descriptor = self.descriptor
            _ = try retryingLogCall("ftruncate", path: path) { ftruncate(descriptor, 0) }
            _ = try retryingLogCall("lseek", path: path) { lseek(descriptor, 0, SEEK_SET) }
            return
        }
        size = 0
        for number in stride(from: rotation.backups - 1, through: 1, by: -1) {
            try renameIfPresent(
                LogRotation.backupPath(of: path, number: number),
                to: LogRotation.backupPath(of: path, number: number + 1)
            )
        }
        try renameIfPresent(path, to: LogRotation.backupPath(of: path, number: 1))
        let fresh = try Self.openDescriptor(path, truncating: true)
        close()
        self.descriptor = fresh
    }

    /// Closes the file and opens whatever is at `path` now, creating it if it is gone, so an external
    /// rotation (logrotate moving the file away, then SIGUSR2) takes effect. A closed file stays closed: its
    /// next opening finds the new file by itself.
    mutating func reopen() throws(LogIOError) {
        guard isOpen else { return }
        close()
        try open()
    }

    /// Changes the rotation policy; a lowered `maxBytes` takes effect with the next byte.
    mutating func setRotation(_ rotation: LogRotation) {
        self.rotation = rotation
    }

    /// Closes the descriptor if the file is open; the next transfer opens it again.
    mutating func close() {
        guard descriptor >= 0 else { return }
        _ = Glibc.close(descriptor)
        descriptor = -1
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
