/// How a process ended, as `waitid(2)` reports it.
public enum ProcessExit: Hashable, Sendable, CustomStringConvertible {
    /// It called `exit` (or returned from `main`) with this status.
    case exited(code: Int32)
    /// A signal with this Linux number terminated it, possibly leaving a core dump.
    case signaled(signal: Int32, coreDumped: Bool)

    /// Whether the exit was one the program's configuration calls normal: an exit status listed in
    /// `exitcodes`. As in supervisord, a death by signal is never expected.
    public func isExpected(exitCodes: Set<Int32>) -> Bool {
        switch self {
        case .exited(let code): return exitCodes.contains(code)
        case .signaled: return false
        }
    }

    /// How the exit reads in logs and status, in supervisord's wording: "exit status 1", "terminated by SIGKILL", "terminated by SIGSEGV (core dumped)".
    public var description: String {
        switch self {
        case .exited(let code):
            return "exit status \(code)"
        case .signaled(let number, let coreDumped):
            let name = Signal(number: number)?.description ?? "signal \(number)"
            return "terminated by \(name)" + (coreDumped ? " (core dumped)" : "")
        }
    }
}
