import Glibc
import Synchronization
import TendSystem

/// Installs tend's global task pool in a process of its own, exercises it, and prints one `key=value`
/// line per finding (the tests read them). Usage: tend-task-probe [global|sleep-order|main-actor-sleep].
@main
struct Probe {
    static func main() async {
        alarm(30)  // A hung pool must not hang whoever runs the probe.
        let mode = CommandLine.arguments.dropFirst().first ?? "global"
        // One thread for the order check: with two, two sleepers due 5 ms apart may resume on two threads
        // and reach the shared list in either order, whatever order the pool released them in.
        let threads = mode == "sleep-order" ? 1 : 2
        report("installed", GlobalTaskPool.install(threads: threads))
        report("installed_again", GlobalTaskPool.install(threads: threads))
        switch mode {
        case "main-actor-sleep":
            await sleepOnMainActor()
        case "sleep-order":
            report("sleep_order_ok", await sleepsResumeInDeadlineOrder(count: 40))
        default:
            await exerciseGlobalPool()
        }
        report("done", true)
    }

    static func exerciseGlobalPool() async {
        report("threads_at_start", threadNames())
        report("swarm_sum", await swarm(tasks: 2000, children: 5))
        report("threads_after_swarm", threadNames())
        report("sleep_continuous_ms", await detachedMilliseconds { try? await Task.sleep(for: .milliseconds(50)) })  // allowed: the sleep is what is measured
        report("threads_after_sleep", threadNames())
        report("sleep_suspending_ms", await detachedMilliseconds {
            try? await Task.sleep(for: .milliseconds(50), clock: .suspending)  // allowed: the sleep is what is measured
        })
        report("sleep_nanoseconds_ms", await detachedMilliseconds { try? await Task.sleep(nanoseconds: 50_000_000) })  // allowed: the sleep is what is measured
        report("sleep_cancel_ms", await cancelledSleepMilliseconds())
        report("threads", threadNames())
        await idleWindow(label: "idle")
        // A task asleep for an hour: the timekeeper waits for it, and must not wake meanwhile.
        // The window waits for the pool to fall asleep; the sleeper is known to have begun (and so to be in
        // the heap by the time its thread sleeps) once it has said so.
        let (running, started) = AsyncStream.makeStream(of: Void.self)
        let sleeper = Task.detached {
            started.yield()
            try? await Task.sleep(for: .seconds(3600))  // allowed: the pending sleep is what the window watches
        }
        for await _ in running { break }
        await idleWindow(label: "idle_with_sleeper")
        sleeper.cancel()
        await sleeper.value
        report("threads_at_end", threadNames())
    }

    /// Task.sleep from the main actor: does the main executor keep it to itself (libdispatch), or does it
    /// come through the hooks?
    @MainActor
    static func sleepOnMainActor() async {
        let start = ContinuousClock.now
        try? await Task.sleep(for: .milliseconds(50))  // allowed: the sleep is what is measured
        report("main_actor_sleep_ms", milliseconds(since: start))
        report("threads", threadNames())
        await idleWindow(label: "idle")
    }

    /// Many unstructured tasks, each with a group of child tasks; returns the sum of their results.
    static func swarm(tasks: Int, children: Int) async -> Int {
        let handles = (0..<tasks).map { index in
            Task.detached {
                await withTaskGroup(of: Int.self) { group in
                    for child in 0..<children { group.addTask { index * children + child } }
                    return await group.reduce(0, +)
                }
            }
        }
        var sum = 0
        for handle in handles { sum += await handle.value }
        return sum
    }

    static func detachedMilliseconds(_ body: @escaping @Sendable () async -> Void) async -> Double {
        await Task.detached {
            let start = ContinuousClock.now
            await body()
            return milliseconds(since: start)
        }.value
    }

    /// Starts sleepers with shuffled deadlines 5 ms apart; true when they resume in deadline order.
    static func sleepsResumeInDeadlineOrder(count: Int) async -> Bool {
        let woken = WakeOrder()
        let start = ContinuousClock.now + .milliseconds(20)
        await withTaskGroup(of: Void.self) { group in
            for slot in (0..<count).shuffled() {
                group.addTask {
                    try? await Task.sleep(until: start + .milliseconds(5 * slot), clock: .continuous)  // allowed: the order of sleepers is what is tested
                    woken.slots.withLock { $0.append(slot) }
                }
            }
        }
        return woken.slots.withLock { $0 } == Array(0..<count)
    }

    /// A sleep of an hour, cancelled after 20 ms: how long until it returned.
    static func cancelledSleepMilliseconds() async -> Double {
        let start = ContinuousClock.now
        let sleeper = Task.detached { try? await Task.sleep(for: .seconds(3600)) }  // allowed: the sleep that is cancelled
        try? await Task.sleep(for: .milliseconds(20))  // allowed: cancelled while it sleeps, not before
        sleeper.cancel()
        await sleeper.value
        return milliseconds(since: start)
    }

    /// Watches the pool for 300 ms from a plain thread of its own (the caller's task waits without
    /// occupying a pool thread) and reports the pool threads' context switches in that window.
    static func idleWindow(label: String) async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            PlainThread.run {
                measureIdleWindow(label: label)
                done.resume()
            }
        }
    }

    static func measureIdleWindow(label: String) {
        report("\(label)_settled", ThreadCensus.waitUntilPoolSleeps(within: 2_000))
        let before = ThreadCensus.take()
        usleep(UInt32(getenv("PROBE_WINDOW_MS").flatMap { Int(String(cString: $0)) } ?? 300) * 1000)  // allowed: the idle window being measured
        let after = ThreadCensus.take()
        if getenv("PROBE_DEBUG") != nil {
            for (moment, census) in [("before", before), ("after", after)] {
                for thread in census.threads {
                    report("\(moment)_\(label)_\(thread.name)_\(thread.id)", thread.switches)
                }
            }
        }
        let pool = { (census: ThreadCensus) in census.pool.reduce(0) { $0 + $1.switches } }
        report("\(label)_pool_wakeups", pool(after) - pool(before))
        let others = { (census: ThreadCensus) in
            census.threads.filter { !$0.isPoolThread && $0.name != "probe-watch" }.reduce(0) { $0 + $1.switches }
        }
        report("\(label)_other_thread_wakeups", others(after) - others(before))
    }

    /// The process's threads by name, without the probe's own `probe-watch` thread, which may still be on its way
    /// out after the last idle window.
    static func threadNames() -> String {
        ThreadCensus.take().threads.map(\.name).filter { $0 != "probe-watch" }.joined(separator: ",")
    }
}

func milliseconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}

func report(_ key: String, _ value: some CustomStringConvertible) {
    print("\(key)=\(value)")
    fflush(nil)
}

/// The order in which sleepers woke.
final class WakeOrder: Sendable {
    let slots = Mutex<[Int]>([])
}
