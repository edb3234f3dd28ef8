import Glibc

/// A child tend started and watches, as a value: its pid and the pidfd the reaper reaps it through.
///
/// The value outlives the process; the reaper recognises a stale one by its `serial`, so signalling an exited
/// child is refused instead of reaching a process that reused its pid or pidfd number.
public struct ChildProcess: Sendable, Hashable, CustomStringConvertible {
    /// The child's process id; also its process group id, since every child leads a group of its own.
    public let pid: pid_t
    /// The pidfd the reaper owns for this child; closed once the child is reaped, so never use it directly.
    public let pidfd: Int32
    /// A number unique to this child within this daemon's lifetime.
    public let serial: UInt64

    /// The id of the process group the child leads (`stopasgroup` and `killasgroup` signal it).
    public var processGroup: pid_t { pid }

    /// The child as logs name it: `pid 1234`.
    public var description: String { "pid \(pid)" }
}
