import Synchronization

/// Where wake-ups wait for the loop: any thread posts (the reaper's, a signal handler's, the watcher's),
/// and the loop takes everything that has piled up at once, so a burst of a thousand exits costs one
/// reconcile pass, not a thousand.
final class WakeupMailbox: Sendable {
    private let pending = Mutex<[Wakeup]>([])
    private let doorbell: AsyncStream<Void>.Continuation
    /// One element whenever the mailbox went from empty to not empty (coalesced).
    let rings: AsyncStream<Void>

    init() {
        (rings, doorbell) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Leaves a wake-up for the loop.
    func post(_ wakeup: Wakeup) {
        pending.withLock { $0.append(wakeup) }
        doorbell.yield()
    }

    /// Everything posted since the last call, oldest first.
    func takeAll() -> [Wakeup] {
        pending.withLock { wakeups in
            defer { wakeups.removeAll(keepingCapacity: true) }
            return wakeups
        }
    }
}
