/// The lifecycle record of one supervised process: its state and everything the transition function needs
/// to decide the next one. A value: `transition(on:spec:now:)` returns a new record, it never mutates one.
///
/// Two counters drive retries. `failedStarts` is supervisord's `backoff` counter: failed starts in a row,
/// checked against `startretries`, cleared when the process reaches RUNNING. `failureStreak` counts the
/// attempts in a row that ended before a stable run (failed starts and, with exponential backoff, exits from
/// RUNNING sooner than `LifecycleSpec.stableRunDuration`); the backoff delay grows with it. With the default
/// linear backoff the two are always equal, so tend behaves exactly as supervisord.
public struct ProcessLifecycle: Hashable, Sendable {
    // The planner reads `deadline` and `state` of every process on every pass: declared first, they share the
    // first cache line of the box that holds an observed process.

    /// When the loop must send `.tick` next, or nil when nothing is due by time alone.
    public internal(set) var deadline: MonotonicInstant?
    /// Where the process stands.
    public internal(set) var state: ProcessState
    /// The running child's pid; nil while no process exists or a spawn is not yet confirmed.
    public internal(set) var pid: Int32?
    /// Failed starts in a row (early exits and spawn errors); FATAL once `startretries` is exceeded.
    public internal(set) var failedStarts: Int
    /// Attempts in a row that ended before a stable run; the backoff delay is computed from it.
    public internal(set) var failureStreak: Int
    /// When the latest start attempt began; moved to the moment of `.spawned`, from which `startsecs` and
    /// the stable run are measured. Nil until the first attempt (supervisord's `laststart`).
    public internal(set) var startedAt: MonotonicInstant?
    /// When the current or latest stop was requested.
    public internal(set) var stopRequestedAt: MonotonicInstant?
    /// When the latest process was reaped (supervisord's `laststop`).
    public internal(set) var exitedAt: MonotonicInstant?
    /// How the latest process ended.
    public internal(set) var lastExit: ProcessExit?
    /// Whether the latest exit's status was in `exitcodes` (false for a failed start and for any signal).
    public internal(set) var lastExitExpected: Bool
    /// Why the latest attempt went wrong, as supervisord's `spawnerr` shows it: a spawn error, "Exited too
    /// quickly (process log may have details)", "Bad exit code 1", or a signal delivery failure. Cleared by
    /// each new start attempt.
    public internal(set) var errorMessage: String?
    /// Whether the current (or latest) stop escalated to SIGKILL.
    public internal(set) var killSent: Bool

    /// A process that has never been started: STOPPED, nothing due.
    public init() {
        state = .stopped
        pid = nil
        failedStarts = 0
        failureStreak = 0
        startedAt = nil
        stopRequestedAt = nil
        exitedAt = nil
        deadline = nil
        lastExit = nil
        lastExitExpected = false
        errorMessage = nil
        killSent = false
    }
}
