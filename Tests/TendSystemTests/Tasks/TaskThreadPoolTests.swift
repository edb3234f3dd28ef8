import Synchronization
import Testing

@testable import TendSystem

/// A pool of its own per test, not installed globally (swift-testing's tasks keep running on libdispatch):
/// tasks reach it through `withTaskExecutorPreference`, which also makes it the executor their sleeps
/// find first, so sleeps go through the pool's heap as they do when it is global. The sleeps below are the
/// behaviour under test, not waits for something.
@Suite struct TaskThreadPoolTests {
    /// A started pool whose threads are named `prefix-N`; shut down after `body`.
    private func withPool<T>(
        _ prefix: String, threads: Int = 2, _ body: (TaskThreadPool) async throws -> T
    ) async rethrows -> T {
        let pool = TaskThreadPool(threads: threads, namePrefix: prefix)
        #expect(pool.start())
        defer { pool.shutdown() }
        return try await body(pool)
    }

    @Test func runsThousandsOfTasksAndChildTasksOnItsThreads() async {
        await withPool("tp-swarm") { pool in
            let strangers = Tally()
            let sum = await withTaskExecutorPreference(pool) {
                await withTaskGroup(of: Int.self) { group in
                    for index in 0..<2000 {
                        group.addTask {
                            await withTaskGroup(of: Int.self) { children in
                                for child in 0..<5 {
                                    children.addTask {
                                        if !PoolThreads.currentName().hasPrefix("tp-swarm") {
                                            strangers.count.add(1, ordering: .relaxed)
                                        }
                                        return index * 5 + child
                                    }
                                }
                                return await children.reduce(0, +)
                            }
                        }
                    }
                    return await group.reduce(0, +)
                }
            }
            #expect(sum == (0..<10_000).reduce(0, +))
            #expect(strangers.count.load(ordering: .relaxed) == 0)
        }
    }

    @Test func sleepWaitsInThePoolAndResumesSoonAfterItsDeadline() async throws {
        try await withPool("tp-sleep") { pool in
            let elapsed = try await withTaskExecutorPreference(pool) {
                let start = ContinuousClock.now
                try await Task.sleep(for: .milliseconds(50))  // allowed: the sleep is what is measured
                return ContinuousClock.now - start
            }
            #expect(elapsed >= .milliseconds(50))
            #expect(elapsed < .milliseconds(250))

            let sleeper = Task(executorPreference: pool) { try await Task.sleep(for: .seconds(30)) }  // allowed: the sleep that is cancelled
            #expect(await PoolThreads.eventually { pool.census().delayed == 1 })
            sleeper.cancel()
            await #expect(throws: CancellationError.self) { try await sleeper.value }
        }
    }

    /// One thread: with two, sleepers due 4 ms apart may resume on two threads and reach the list in
    /// either order, whatever order the pool released them in.
    @Test func sleepersResumeInDeadlineOrder() async {
        await withPool("tp-order", threads: 1) { pool in
            let woken = Arrivals()
            let start = ContinuousClock.now + .milliseconds(30)
            await withTaskExecutorPreference(pool) {
                await withTaskGroup(of: Void.self) { group in
                    for slot in (0..<30).shuffled() {
                        group.addTask {
                            try? await Task.sleep(until: start + .milliseconds(4 * slot), clock: .continuous)  // allowed: the order of sleepers is what is tested
                            woken.order.withLock { $0.append(slot) }
                        }
                    }
                }
            }
            #expect(woken.order.withLock { $0 } == Array(0..<30))
        }
    }

    @Test(arguments: [false, true])
    func idlePoolDoesNotWake(withSleeperPending: Bool) async throws {
        let prefix = withSleeperPending ? "tp-sleepy" : "tp-quiet"
        try await withPool(prefix, threads: 3) { pool in
            // Some work first, so that every thread has run and gone back to waiting.
            await withTaskExecutorPreference(pool) {
                await withTaskGroup(of: Void.self) { group in
                    for _ in 0..<100 { group.addTask { await Task.yield() } }
                }
            }
            let sleeper = withSleeperPending
                ? Task(executorPreference: pool) { try? await Task.sleep(for: .seconds(3600)) } : nil  // allowed: a pending sleep the idle pool must not wake for
            let settled = await PoolThreads.eventually {
                let census = pool.census()
                let waiting = census.idleWorkers + (census.hasTimekeeper ? 1 : 0)
                return waiting == 3 && census.ready == 0 && census.delayed == (withSleeperPending ? 1 : 0)
            }
            #expect(settled)
            #expect(await PoolThreads.waitUntilAsleep(prefix, count: 3))
            let before = PoolThreads.switches(ofThreadsNamed: prefix)
            #expect(before.threads == 3)
            try await Task.sleep(for: .milliseconds(300))  // allowed: the window watched (on libdispatch's threads)
            let after = PoolThreads.switches(ofThreadsNamed: prefix)
            #expect(after.switches - before.switches == 0)
            sleeper?.cancel()
            await sleeper?.value
        }
    }
}

/// A count tasks add to.
final class Tally: Sendable {
    let count = Atomic<Int>(0)
}

/// The order in which tasks arrived somewhere.
final class Arrivals: Sendable {
    let order = Mutex<[Int]>([])
}
