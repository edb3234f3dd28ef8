import TendCore
import TendSystem

/// Why the reconcile loop woke up. The loop is level-triggered: only a child's exit carries information the
/// state does not already hold; every other wake-up just means "look again".
enum Wakeup: Sendable {
    /// A child was reaped.
    case exited(name: String, serial: UInt64, termination: Termination, at: ContinuousClock.Instant)
    /// The configuration may have changed (inotify, SIGHUP, `tend apply`).
    case configurationChanged
    /// A lifecycle deadline fell due.
    case deadline
    /// An operator command changed the overrides, or shutdown began.
    case command
}
