import CTendSystem
import Glibc
import SystemPackage

/// The daemon's limit on open descriptors (RLIMIT_NOFILE). Each child costs the daemon a few descriptors (a
/// pidfd, log pipes), so the daemon raises its soft limit to the hard limit at start and logs the outcome.
public struct FileDescriptorLimit: Sendable, Hashable {
    /// The soft limit before the change.
    public let previousSoftLimit: UInt64
    /// The soft limit now in force.
    public let softLimit: UInt64
    /// The hard limit, the most the soft limit could be raised to without privileges.
    public let hardLimit: UInt64

    /// Whether the soft limit was raised.
    public var wasRaised: Bool { softLimit > previousSoftLimit }

    /// Raises the soft RLIMIT_NOFILE of this process to its hard limit and returns the limits before and after.
    /// Children inherit the raised limit.
    public static func raiseToHardLimit() throws(Errno) -> FileDescriptorLimit {
        var previous: UInt64 = 0
        var soft: UInt64 = 0
        var hard: UInt64 = 0
        guard tend_process_raise_nofile_limit(&previous, &soft, &hard) == 0 else { throw Errno(rawValue: errno) }
        return FileDescriptorLimit(previousSoftLimit: previous, softLimit: soft, hardLimit: hard)
    }
}
