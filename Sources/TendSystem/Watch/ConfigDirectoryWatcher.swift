import Synchronization

/// Watches configuration directories and files and says, once a burst of changes has settled, "something
/// may have changed": the consumer rescans and diffs contents (see `ConfigSnapshotReader`). A notification
/// carries no detail to trust, so editors' save-by-rename, ConfigMap `..data` swaps, new subdirectories,
/// queue overflows and a removed and recreated conf.d all come down to the same rescan.
///
/// Every watcher is a subscription to the process's one libinotifytools thread (`InotifyEngine`); any
/// number can run at once. Changes made after `start` returns are always notified.
public final class ConfigDirectoryWatcher: Sendable {
    /// One element per settled burst of changes (and per safety interval). Holds at most one pending
    /// element: a slow consumer gets one notification for everything that happened meanwhile.
    public let changes: AsyncStream<Void>

    private let id: UInt64
    private let stopped = Mutex(false)

    private init(id: UInt64, changes: AsyncStream<Void>) {
        self.id = id
        self.changes = changes
    }

    /// Starts watching `targets`; returns once the watches are in place. Throws a `WatchError` when
    /// libinotifytools cannot be initialised or its thread cannot start. Problems met later (a directory
    /// that cannot be watched) go to `options.onProblem`.
    public static func start(
        watching targets: [WatchTarget], options: ConfigWatchOptions = ConfigWatchOptions()
    ) async throws -> ConfigDirectoryWatcher {
        let engine = InotifyEngine.shared
        let id = engine.makeSubscriptionID()
        let (changes, notifications) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        try await withCheckedThrowingContinuation { (started: CheckedContinuation<Void, any Error>) in
            do {
                try engine.submit(.subscribe(
                    id: id, targets: targets, options: options, notifications: notifications, started: started))
            } catch {
                started.resume(throwing: error)
            }
        }
        return ConfigDirectoryWatcher(id: id, changes: changes)
    }

    /// Stops watching and finishes `changes`; returns once the watches are gone. Calling it again does
    /// nothing.
    public func stop() async {
        guard markStopped() else { return }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            do {
                try InotifyEngine.shared.submit(.unsubscribe(id: id, stopped: done))
            } catch {
                done.resume()
            }
        }
    }

    deinit {
        if markStopped() { try? InotifyEngine.shared.submit(.unsubscribe(id: id, stopped: nil)) }
    }

    /// Whether this call is the one that stops the watcher.
    private func markStopped() -> Bool {
        stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
    }
}
