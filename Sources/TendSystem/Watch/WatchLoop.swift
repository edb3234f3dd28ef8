import Glibc

/// The watch thread's loop; every libinotifytools call happens here. It sleeps in `poll()` on the inotify
/// descriptor and the wake-up pipe until an event, a command or the earliest notification deadline, then
/// drains events, brings watches up to date when directories came or went, and delivers what is due.
final class WatchLoop {
    private let engine: InotifyEngine
    private let wake: WakePipe
    private let clock = ContinuousClock()
    private var library: InotifyLibrary?
    private var subscriptions: [UInt64: WatchSubscription] = [:]
    /// Who cares about each watch descriptor, and why.
    private var routes: [Int32: [(subscription: UInt64, role: WatchRole)]] = [:]
    private var needsResync = false
    /// Whether the last pass stopped before the library's buffer ran dry: its buffered events do not make
    /// the kernel descriptor readable, so the next poll must not wait.
    private var eventsLeftOver = false

    /// Events handled per pass at most, so a flood cannot hold back the burst cap's deadline.
    private static let eventsPerPass = 4096

    init(engine: InotifyEngine, wake: WakePipe) {
        self.engine = engine
        self.wake = wake
    }

    func run() -> Never {
        while true {
            waitForActivity()
            wake.drain()
            for command in engine.takeCommands() { handle(command) }
            drainEvents(now: clock.now)
            if needsResync { resync() }
            deliverDueNotifications(now: clock.now)
        }
    }

    private func waitForActivity() {
        var descriptors = [pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0)]
        if let library { descriptors.append(pollfd(fd: library.descriptor, events: Int16(POLLIN), revents: 0)) }
        let deadline = subscriptions.values.compactMap(\.schedule.deadline).min()
        let timeout = eventsLeftOver ? 0 : deadline.map { Self.milliseconds(until: $0, from: clock.now) } ?? -1
        while poll(&descriptors, nfds_t(descriptors.count), timeout) < 0 && errno == EINTR {}
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant, from now: ContinuousClock.Instant) -> Int32 {
        let remaining = now.duration(to: deadline)
        guard remaining > .zero else { return 0 }
        let (seconds, attoseconds) = remaining.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }

    // MARK: Commands

    private func handle(_ command: EngineCommand) {
        switch command {
        case .subscribe(let id, let targets, let options, let notifications, let started):
            if library == nil {
                do {
                    library = try InotifyLibrary()
                } catch {
                    notifications.finish()
                    started.resume(throwing: error)
                    return
                }
            }
            subscriptions[id] = WatchSubscription(
                targets: targets, options: options, notifications: notifications, now: clock.now)
            resync()
            started.resume()
        case .unsubscribe(let id, let stopped):
            if let subscription = subscriptions.removeValue(forKey: id) {
                subscription.notifications.finish()
                resync()
            }
            stopped?.resume()
        case .pause(let paused, let gate):
            paused.resume()
            gate.awaitSignal()
        }
    }

    // MARK: Events

    private func drainEvents(now: ContinuousClock.Instant) {
        eventsLeftOver = false
        guard let library else { return }
        for _ in 0..<Self.eventsPerPass {
            guard let event = library.nextQueuedEvent() else { return }
            if event.watch < 0 || event.mask.contains(.queueOverflow) {
                engine.count { $0.overflows += 1 }
                for subscription in subscriptions.values { subscription.schedule.recordChange(at: now) }
                needsResync = true
                continue
            }
            for route in routes[event.watch] ?? [] {
                let effect = route.role.effect(of: event)
                if effect.changed { subscriptions[route.subscription]?.schedule.recordChange(at: now) }
                if effect.needsResync { needsResync = true }
            }
        }
        eventsLeftOver = true
    }

    private func deliverDueNotifications(now: ContinuousClock.Instant) {
        for subscription in subscriptions.values where subscription.schedule.takeDueNotification(at: now) {
            subscription.notifications.yield()
        }
    }

    // MARK: Watches

    /// Makes the kernel's watches match what every subscription needs on disk now: adds the missing ones,
    /// removes those nobody needs, and rebuilds the routes from descriptors to subscriptions. A directory
    /// replaced between the walk and the add is caught by walking again.
    private func resync() {
        needsResync = false
        guard let library else { return }
        engine.count { $0.resyncs += 1 }
        for _ in 0..<3 {
            var desired: [DirectoryIdentity: [(subscription: UInt64, watch: DesiredWatch)]] = [:]
            for (id, subscription) in subscriptions {
                for target in subscription.targets {
                    for watch in DesiredWatches.of(target) { desired[watch.identity, default: []].append((id, watch)) }
                }
            }
            var live = library.liveWatches()
            var failed: Set<DirectoryIdentity> = []
            for (identity, wanted) in desired where live[identity] == nil {
                do {
                    try library.addWatch(wanted[0].watch.path)
                } catch {
                    if error.code == ENOENT || error.code == ENOTDIR { continue }
                    failed.insert(identity)
                    for entry in wanted { subscriptions[entry.subscription]?.onProblem?(error) }
                }
            }
            live = library.liveWatches()
            routes = [:]
            var replaced = false
            for (identity, wanted) in desired {
                guard let watch = live[identity] else {
                    if !failed.contains(identity) { replaced = true }
                    continue
                }
                routes[watch, default: []].append(contentsOf: wanted.map { ($0.subscription, $0.watch.role) })
            }
            for (identity, watch) in live where desired[identity] == nil {
                library.removeWatch(watch)
            }
            guard replaced else { return }
            let now = clock.now
            for subscription in subscriptions.values { subscription.schedule.recordChange(at: now) }
        }
    }
}
