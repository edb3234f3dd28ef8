/// Where a supervised process stands, with supervisord's state names as raw values so its users and
/// clients read them unchanged (in `tend status` and in JSON).
public enum ProcessState: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Not running, by request or because it never started.
    case stopped = "STOPPED"
    /// Spawned (or being spawned) and not yet up for `startsecs`.
    case starting = "STARTING"
    /// Up for at least `startsecs`.
    case running = "RUNNING"
    /// A start failed; another attempt is due at the lifecycle's deadline.
    case backoff = "BACKOFF"
    /// The stop signal was sent; waiting for the exit (SIGKILL follows after `stopwaitsecs`).
    case stopping = "STOPPING"
    /// Exited on its own from RUNNING; `autorestart` decides whether it starts again.
    case exited = "EXITED"
    /// Too many failed starts in a row; only an operator's start leaves this state.
    case fatal = "FATAL"
    /// A stop signal could not be delivered, so tend cannot tell what the process is doing.
    case unknown = "UNKNOWN"

    /// supervisord's name for the state, as `tend status` prints it.
    public var description: String { rawValue }
}
