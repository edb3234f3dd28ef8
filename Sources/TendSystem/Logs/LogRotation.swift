/// When a log file rotates and how many numbered backups it keeps (`*_logfile_maxbytes`, `*_logfile_backups`).
public struct LogRotation: Hashable, Sendable {
    /// The size at which the file rotates; 0 means it never rotates.
    public var maxBytes: Int64
    /// How many numbered backups (`NAME.1` newest to `NAME.N` oldest) survive a rotation; 0 truncates the file.
    public var backups: Int

    /// A policy rotating at `maxBytes` (0 never) and keeping `backups` numbered files.
    public init(maxBytes: Int64, backups: Int) {
        self.maxBytes = max(0, maxBytes)
        self.backups = max(0, backups)
    }

    /// A file that grows without bound.
    public static let never = LogRotation(maxBytes: 0, backups: 0)

    /// supervisord's defaults: 50 MB and 10 backups.
    public static let supervisordDefault = LogRotation(maxBytes: 50 * 1024 * 1024, backups: 10)

    /// How many bytes a file of `size` bytes may still take before it must rotate; nil when it never rotates.
    /// Zero or less means the file is due for rotation now.
    public func room(afterSize size: Int64) -> Int64? {
        maxBytes == 0 ? nil : maxBytes - size
    }

    /// Whether a file of `size` bytes has reached its rotation boundary.
    public func isDue(atSize size: Int64) -> Bool {
        maxBytes > 0 && size >= maxBytes
    }

    /// The path of backup number `number` (1 is the newest) of the log at `path`.
    public static func backupPath(of path: String, number: Int) -> String {
        "\(path).\(number)"
    }
}
