/// The settings of one program that govern its lifecycle, with supervisord's meanings and defaults.
///
/// Everything else about a program (its command, environment, logs) is the spawner's business; the
/// state machine needs only these.
public struct LifecycleSpec: Hashable, Sendable {
    /// `startsecs`: how long a new process must stay up to count as started (RUNNING). An exit sooner is
    /// a failed start. Zero means it is RUNNING as soon as it is spawned.
    public var startSeconds: Duration
    /// `startretries`: how many failed starts in a row are retried before the process goes FATAL.
    public var startRetries: RetryLimit
    /// `autorestart`: what follows an exit from RUNNING.
    public var autorestart: AutorestartPolicy
    /// `exitcodes`: the exit statuses that count as an expected exit.
    public var exitCodes: Set<Int32>
    /// `stopsignal`: the signal a stop sends first.
    public var stopSignal: Signal
    /// `stopwaitsecs`: how long a stop waits for the exit before it sends SIGKILL (and between SIGKILLs).
    public var stopWaitSeconds: Duration
    /// `stopasgroup`: send the stop signal to the whole process group rather than the process alone.
    public var stopAsGroup: Bool
    /// `killasgroup`: send SIGKILL to the whole process group rather than the process alone.
    public var killAsGroup: Bool
    /// `backoff`: the delay before each retry; `.linear` is supervisord's 1, 2, 3 ... seconds.
    public var backoff: BackoffPolicy

    /// Makes a spec; every argument defaults to supervisord's default. `killAsGroup` defaults to
    /// `stopAsGroup`, as in supervisord, where `stopasgroup = true` implies `killasgroup = true`.
    public init(
        startSeconds: Duration = .seconds(1),
        startRetries: RetryLimit = .limited(3),
        autorestart: AutorestartPolicy = .unexpected,
        exitCodes: Set<Int32> = [0],
        stopSignal: Signal = .terminate,
        stopWaitSeconds: Duration = .seconds(10),
        stopAsGroup: Bool = false,
        killAsGroup: Bool? = nil,
        backoff: BackoffPolicy = .linear
    ) {
        self.startSeconds = startSeconds
        self.startRetries = startRetries
        self.autorestart = autorestart
        self.exitCodes = exitCodes
        self.stopSignal = stopSignal
        self.stopWaitSeconds = stopWaitSeconds
        self.stopAsGroup = stopAsGroup
        self.killAsGroup = killAsGroup ?? stopAsGroup
        self.backoff = backoff
    }

    /// supervisord's defaults: startsecs 1, startretries 3, autorestart unexpected, exitcodes 0, stopsignal
    /// TERM, stopwaitsecs 10, no group signalling, linear backoff.
    public static let supervisordDefaults = LifecycleSpec()

    /// How long a run must last to count as stable, which clears the failure streak.
    ///
    /// With `.linear` backoff this is `startSeconds`, so reaching RUNNING is enough, exactly as in
    /// supervisord. With `.exponential` it is at least the backoff's cap: a process that reaches RUNNING and
    /// then crashes again before the cap has passed is still in a crash loop, and its restarts keep backing
    /// off instead of going hot.
    public var stableRunDuration: Duration {
        switch backoff {
        case .linear:
            return startSeconds
        case .exponential(_, let cap, _):
            return Swift.max(startSeconds, cap)
        }
    }
}
