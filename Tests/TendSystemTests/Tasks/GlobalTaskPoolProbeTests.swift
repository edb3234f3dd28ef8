import Testing

/// `GlobalTaskPool.install` for real, in a process of its own (tend-task-probe): installing it here would
/// move every later task of the test runner onto it.
@Suite(.serialized) struct GlobalTaskPoolProbeTests {
    private func runProbe(_ mode: String) async throws -> ProbeRun {
        let path = try #require(ProbeRun.executablePath, "tend-task-probe is not built next to the tests")
        let run = try #require(await ProbeRun.run(path, [mode]), "tend-task-probe did not start")
        #expect(run.exitStatus == 0, "tend-task-probe \(mode): \(run.errors)")
        #expect(run.values["done"] == "true")
        #expect(run.values["installed"] == "true")
        #expect(run.values["installed_again"] == "false")
        return run
    }

    @Test func installedPoolRunsTasksAndSleepsAndNeverWakesWhenIdle() async throws {
        let run = try await runProbe("global")
        #expect(run.number("swarm_sum") == Double((0..<10_000).reduce(0, +)))
        for sleep in ["sleep_continuous_ms", "sleep_suspending_ms", "sleep_nanoseconds_ms"] {
            let milliseconds = try #require(run.number(sleep), "\(sleep) missing")
            #expect(milliseconds >= 50, "\(sleep) = \(milliseconds)")
            #expect(milliseconds < 250, "\(sleep) = \(milliseconds)")
        }
        #expect(try #require(run.number("sleep_cancel_ms")) < 1000)
        // Only the main thread and the pool: libdispatch never started a thread.
        let threads = try #require(run.values["threads_at_end"]).split(separator: ",")
        let poolThreads = threads.filter { $0.hasPrefix("tend-task-") && $0.dropFirst(10).allSatisfy(\.isNumber) }
        #expect(poolThreads.count == 2, "threads: \(threads)")
        #expect(threads.count == 3, "threads: \(threads)")
        #expect(run.values["idle_settled"] == "true")
        #expect(run.values["idle_pool_wakeups"] == "0")
        #expect(run.values["idle_other_thread_wakeups"] == "0")
        #expect(run.values["idle_with_sleeper_settled"] == "true")
        #expect(run.values["idle_with_sleeper_pool_wakeups"] == "0")
        #expect(run.values["idle_with_sleeper_other_thread_wakeups"] == "0")
    }

    @Test func sleepersOfTheInstalledPoolResumeInDeadlineOrder() async throws {
        let run = try await runProbe("sleep-order")
        #expect(run.values["sleep_order_ok"] == "true")
    }

    /// A sleep on the main actor is the main executor's (libdispatch's main queue): it works, and the
    /// pool stays asleep, but libdispatch starts a thread of its own for it.
    @Test func sleepOnTheMainActorWorksAndLeavesThePoolAsleep() async throws {
        let run = try await runProbe("main-actor-sleep")
        let milliseconds = try #require(run.number("main_actor_sleep_ms"))
        #expect(milliseconds >= 50 && milliseconds < 250, "main_actor_sleep_ms = \(milliseconds)")
        #expect(run.values["idle_pool_wakeups"] == "0")
    }
}
