import TendCore

/// One watcher's state on the watch thread: what it watches, when it is next due a notification, and
/// where notifications go.
final class WatchSubscription {
    let targets: [WatchTarget]
    var schedule: ChangeNotificationSchedule<ContinuousClock.Instant>
    let notifications: AsyncStream<Void>.Continuation
    let onProblem: (@Sendable (WatchError) -> Void)?

    init(
        targets: [WatchTarget], options: ConfigWatchOptions,
        notifications: AsyncStream<Void>.Continuation, now: ContinuousClock.Instant
    ) {
        self.targets = targets
        self.notifications = notifications
        onProblem = options.onProblem
        schedule = ChangeNotificationSchedule(
            quietWindow: options.quietWindow, burstCap: options.burstCap,
            safetyInterval: options.safetyInterval, now: now)
    }
}
