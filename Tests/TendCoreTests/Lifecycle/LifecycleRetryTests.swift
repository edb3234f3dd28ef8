import Testing
@testable import TendCore

/// The record of a run of failed starts driven by the manual clock.
struct FailureRun {
    var delays: [Duration] = []
    var spawns = 0
    var final = ProcessLifecycle()
}

/// Starts at zero and lets every attempt fail (`.spawnFailed`, or an exit half a second after the spawn,
/// before `startsecs`), retrying at each deadline, until FATAL or `attempts` attempts have been made.
/// Checks on the way that a tick a nanosecond early never retries.
func failRepeatedly(spec: LifecycleSpec, attempts: Int, bySpawnError: Bool = false) -> FailureRun {
    var driver = LifecycleDriver(spec: spec)
    var run = FailureRun()
    var now = at(0)
    var transition = driver.send(.start, at: now)
    while transition.actions == [.spawn] {
        run.spawns += 1
        if bySpawnError {
            transition = driver.send(.spawnFailed(message: "fork failed: EAGAIN"), at: now)
        } else {
            driver.send(.spawned(pid: Int32(1000 + run.spawns)), at: now)
            now = now.advanced(by: .milliseconds(500))
            transition = driver.send(.exited(.failure), at: now)
        }
        guard let deadline = transition.deadline, transition.lifecycle.state == .backoff else { break }
        run.delays.append(deadline - now)
        if run.spawns == attempts { break }
        let early = driver.send(.tick, at: deadline.advanced(by: .nanoseconds(-1)))
        #expect(early.actions.isEmpty)
        now = deadline
        transition = driver.send(.tick, at: now)
    }
    run.final = driver.lifecycle
    return run
}

@Suite struct LifecycleRetryTests {
    @Test func linearBackoffWaitsOneTwoThreeSecondsThenGivesUpAfterFourAttempts() {
        let run = failRepeatedly(spec: .supervisordDefaults, attempts: 10)
        #expect(run.delays == [.seconds(1), .seconds(2), .seconds(3)])
        #expect(run.spawns == 4)
        #expect(run.final.state == .fatal)
        #expect(run.final.failedStarts == 4)
        #expect(run.final.deadline == nil)
        #expect(run.final.pid == nil)
        #expect(run.final.errorMessage == "Exited too quickly (process log may have details)")
        #expect(run.final.lastExit == .failure)
        #expect(run.final.lastExitExpected == false)
    }

    @Test(arguments: [(0, 1), (1, 2), (5, 6)])
    func startRetriesAllowsOneMoreAttemptThanItsValue(retries: Int, attempts: Int) {
        let run = failRepeatedly(spec: LifecycleSpec(startRetries: .limited(retries)), attempts: 100)
        #expect(run.spawns == attempts)
        #expect(run.final.state == .fatal)
    }

    @Test func aSpawnErrorIsAFailedStart() {
        let run = failRepeatedly(spec: .supervisordDefaults, attempts: 10, bySpawnError: true)
        #expect(run.delays == [.seconds(1), .seconds(2), .seconds(3)])
        #expect(run.spawns == 4)
        #expect(run.final.state == .fatal)
        #expect(run.final.errorMessage == "fork failed: EAGAIN")
        #expect(run.final.lastExit == nil)
    }

    @Test func exponentialBackoffDoublesUpToItsCap() {
        let spec = LifecycleSpec(
            startRetries: .limited(8),
            backoff: .exponential(initial: .seconds(1), max: .seconds(60), multiplier: 2)
        )
        let run = failRepeatedly(spec: spec, attempts: 100)
        #expect(run.delays == [1, 2, 4, 8, 16, 32, 60, 60].map { Duration.seconds($0) })
        #expect(run.spawns == 9)
        #expect(run.final.state == .fatal)
    }

    @Test func infiniteRetriesNeverGiveUp() {
        let run = failRepeatedly(spec: LifecycleSpec(startRetries: .infinite), attempts: 50)
        #expect(run.spawns == 50)
        #expect(run.delays == (1...50).map { Duration.seconds($0) })
        #expect(run.final.state == .backoff)
        #expect(run.final.failedStarts == 50)
    }

    @Test func infiniteRetriesWithExponentialBackoffStayAtTheCap() {
        let spec = LifecycleSpec(
            startRetries: .infinite,
            backoff: .exponential(initial: .seconds(2), max: .seconds(30), multiplier: 3)
        )
        let run = failRepeatedly(spec: spec, attempts: 30)
        #expect(run.spawns == 30)
        #expect(Array(run.delays.prefix(4)) == [2, 6, 18, 30].map { Duration.seconds($0) })
        #expect(run.delays.dropFirst(3).allSatisfy { $0 == .seconds(30) })
    }

    @Test func reachingRunningResetsTheFailedStartCount() {
        var driver = LifecycleDriver()
        driver.send(.start, at: 0)
        driver.send(.spawned(pid: 1), at: 0)
        #expect(driver.send(.exited(.failure), at: 0.5).deadline == at(1.5))
        driver.send(.tick, at: 1.5)
        driver.send(.spawned(pid: 2), at: 1.5)
        #expect(driver.send(.exited(.failure), at: 2).deadline == at(4))
        driver.send(.tick, at: 4)
        driver.send(.spawned(pid: 3), at: 4)
        #expect(driver.send(.tick, at: 5).lifecycle.state == .running)
        #expect(driver.lifecycle.failedStarts == 0)
        #expect(driver.lifecycle.failureStreak == 0)

        driver.send(.exited(.failure), at: 10)
        #expect(driver.send(.tick, at: 10).actions == [.spawn])
        driver.send(.spawned(pid: 4), at: 10)
        let failure = driver.send(.exited(.failure), at: 10.5)
        #expect(failure.lifecycle.state == .backoff)
        #expect(failure.deadline == at(11.5))
    }

    @Test func anOperatorStartLeavesFatalWithAFreshBudget() {
        var driver = LifecycleDriver(lifecycle: LifecycleFixture.fatal.lifecycle)
        #expect(driver.send(.start, at: 20).actions == [.spawn])
        #expect(driver.lifecycle.failedStarts == 0)
        #expect(driver.lifecycle.errorMessage == nil)
        driver.send(.spawned(pid: 7), at: 20)
        let failure = driver.send(.exited(.failure), at: 20.5)
        #expect(failure.lifecycle.state == .backoff)
        #expect(failure.deadline == at(21.5))
    }

    @Test func aStartInBackoffDoesNotSkipTheDelay() {
        var driver = LifecycleDriver(lifecycle: LifecycleFixture.backoff.lifecycle)
        let result = driver.send(.start, at: 1)
        #expect(result.actions.isEmpty)
        #expect(result.deadline == at(1.5))
    }

    @Test func aStopInBackoffThenAStartGetsAllRetriesAgain() {
        var driver = LifecycleDriver(lifecycle: LifecycleFixture.backoff.lifecycle)
        driver.send(.stop, at: 1)
        #expect(driver.lifecycle.state == .stopped)
        driver.send(.start, at: 2)
        driver.send(.spawned(pid: 9), at: 2)
        #expect(driver.send(.exited(.failure), at: 2.5).deadline == at(3.5))
        #expect(driver.lifecycle.failedStarts == 1)
    }
}
