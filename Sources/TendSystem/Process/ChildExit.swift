/// How a child ended, as `waitid(2)` reported it.
public enum Termination: Sendable, Hashable, CustomStringConvertible {
    /// The child called exit with this code.
    case exited(code: Int32)
    /// A signal ended the child; `coreDumped` tells whether it left a core file.
    case signaled(signal: Int32, coreDumped: Bool)
    /// Something outside tend reaped the child first, so how it ended is lost. Only code that waits for
    /// children behind tend's back (a `waitpid(-1)`) causes this.
    case unknown

    /// The ending in words, as status shows it: `exit status 1`, `terminated by signal 15`.
    public var description: String {
        switch self {
        case .exited(let code): "exit status \(code)"
        case .signaled(let signal, let coreDumped): "terminated by signal \(signal)" + (coreDumped ? " (core dumped)" : "")
        case .unknown: "ended in an unknown way"
        }
    }
}

/// A reaped child: which one, how it ended, and when it was reaped, on the monotonic clock.
public struct ChildExit: Sendable, Hashable {
    /// The child that ended; its pidfd is already closed.
    public let child: ChildProcess
    /// How it ended.
    public let termination: Termination
    /// When the reaper collected it.
    public let time: ContinuousClock.Instant
}
