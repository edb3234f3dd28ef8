import CTendSystem
import Glibc
import Synchronization

/// The process-wide owner of libinotifytools. The library keeps global state, so one engine with one
/// dedicated thread makes every call, and each `ConfigDirectoryWatcher` is a subscription to it: watchers
/// start and stop independently, and two that watch the same directory share its kernel watch.
///
/// Other threads talk to the thread only through this inbox (a locked command list and a wake-up pipe).
/// The thread starts with the first subscription and then stays, blocked in `poll()`, costing nothing.
final class InotifyEngine: Sendable {
    /// The engine of this process.
    static let shared = InotifyEngine()

    private struct Inbox {
        var commands: [EngineCommand] = []
        var wake: WakePipe?
        var nextSubscription: UInt64 = 1
    }

    private let inbox = Mutex(Inbox())
    private let counters = Mutex(EngineCounters())

    private init() {}

    /// A fresh subscription number.
    func makeSubscriptionID() -> UInt64 {
        inbox.withLock { inbox in
            defer { inbox.nextSubscription += 1 }
            return inbox.nextSubscription
        }
    }

    /// Hands `command` to the watch thread, starting the thread first if needed.
    func submit(_ command: EngineCommand) throws(WatchError) {
        try inbox.withLock { (inbox: inout Inbox) throws(WatchError) in
            let wake: WakePipe
            if let existing = inbox.wake {
                wake = existing
            } else {
                wake = try WakePipe()
                try WatchThread.start(WatchLoop(engine: self, wake: wake))
                inbox.wake = wake
            }
            inbox.commands.append(command)
            wake.signal()
        }
    }

    /// The commands submitted since the last call (watch thread only).
    func takeCommands() -> [EngineCommand] {
        inbox.withLock { inbox in
            defer { inbox.commands.removeAll() }
            return inbox.commands
        }
    }

    /// What the thread has done so far, for tests and diagnostics.
    var statistics: EngineCounters { counters.withLock { $0 } }

    /// Updates the statistics (watch thread only).
    func count(_ update: (inout EngineCounters) -> Void) {
        counters.withLock { update(&$0) }
    }
}

/// Running totals of the watch thread's work.
struct EngineCounters: Hashable, Sendable {
    /// Queue overflows seen (each followed by a full resync and a notification to every subscription).
    var overflows = 0
    /// Times the set of watches was brought up to date with the disk.
    var resyncs = 0
}

/// What other threads ask of the watch thread.
enum EngineCommand: Sendable {
    /// Start watching `targets` for subscription `id`; `started` resumes once the watches are in place.
    case subscribe(
        id: UInt64, targets: [WatchTarget], options: ConfigWatchOptions,
        notifications: AsyncStream<Void>.Continuation, started: CheckedContinuation<Void, any Error>)
    /// Stop subscription `id`; `stopped`, when given, resumes once its watches are gone.
    case unsubscribe(id: UInt64, stopped: CheckedContinuation<Void, Never>?)
    /// Hold the thread (tests use this to let the kernel queue overflow): `paused` resumes once the thread
    /// is held, and the thread goes on after `gate` is signalled.
    case pause(paused: CheckedContinuation<Void, Never>, gate: WakePipe)
}

/// Starts the dedicated thread that runs a `WatchLoop` forever.
enum WatchThread {
    static func start(_ loop: WatchLoop) throws(WatchError) {
        let context = Unmanaged.passRetained(loop).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { context in
            let loop = Unmanaged<WatchLoop>.fromOpaque(context!).takeRetainedValue()
            tend_process_name_thread("tend-inotify")
            loop.run()
        }, context)
        guard result == 0 else {
            Unmanaged<WatchLoop>.fromOpaque(context).release()
            throw WatchError(operation: "pthread_create", code: result)
        }
        pthread_detach(thread)
    }
}
