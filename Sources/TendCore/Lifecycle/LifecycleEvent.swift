/// Something that happened to a supervised process, fed to `ProcessLifecycle.transition(on:spec:now:)`.
public enum LifecycleEvent: Hashable, Sendable {
    /// Someone wants it running: an operator's `tend start`, or the reconciler starting a program that
    /// should run. Leaves STOPPED, EXITED and FATAL with a fresh retry budget; ignored elsewhere.
    case start
    /// Someone wants it stopped: an operator's `tend stop`, or the reconciler stopping a program.
    case stop
    /// The runtime carried out a `.spawn` action and the child has this pid.
    case spawned(pid: Int32)
    /// The runtime could not carry out a `.spawn` action (exec failed, too many open files ...); a failed
    /// start like an early exit.
    case spawnFailed(message: String)
    /// The child was reaped.
    case exited(ProcessExit)
    /// The runtime could not deliver a stop or kill signal for a reason other than the process having
    /// exited already (for `ESRCH` it sends nothing: the exit is on its way). The state becomes UNKNOWN.
    case signalFailed(message: String)
    /// Time passed. The loop sends it when the lifecycle's deadline may be due; before the deadline it
    /// does nothing, at or after it the due thing happens once.
    case tick
}
