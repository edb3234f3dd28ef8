import Testing
@testable import TendCore

struct AutorestartCase: Sendable, CustomTestStringConvertible {
    let policy: AutorestartPolicy
    let exit: ProcessExit
    var exitCodes: Set<Int32> = [0]
    let expected: Bool
    let restarts: Bool
    let reason: String?

    var testDescription: String { "\(policy) after \(exit) with exitcodes \(exitCodes.sorted())" }
}

let autorestartCases: [AutorestartCase] = [
    AutorestartCase(policy: .always, exit: .success, expected: true, restarts: true, reason: nil),
    AutorestartCase(policy: .always, exit: .failure, expected: false, restarts: true, reason: "Bad exit code 1"),
    AutorestartCase(
        policy: .always, exit: .signaled(signal: 9, coreDumped: false), expected: false, restarts: true,
        reason: "Bad exit: terminated by SIGKILL"),
    AutorestartCase(policy: .unexpected, exit: .success, expected: true, restarts: false, reason: nil),
    AutorestartCase(policy: .unexpected, exit: .failure, expected: false, restarts: true, reason: "Bad exit code 1"),
    AutorestartCase(
        policy: .unexpected, exit: .signaled(signal: 15, coreDumped: false), expected: false, restarts: true,
        reason: "Bad exit: terminated by SIGTERM"),
    AutorestartCase(
        policy: .unexpected, exit: .signaled(signal: 2, coreDumped: false), exitCodes: [0, 2], expected: false,
        restarts: true, reason: "Bad exit: terminated by SIGINT"),
    AutorestartCase(
        policy: .unexpected, exit: .exited(code: 2), exitCodes: [0, 2], expected: true, restarts: false, reason: nil),
    AutorestartCase(
        policy: .unexpected, exit: .success, exitCodes: [2], expected: false, restarts: true, reason: "Bad exit code 0"),
    AutorestartCase(policy: .never, exit: .success, expected: true, restarts: false, reason: nil),
    AutorestartCase(policy: .never, exit: .failure, expected: false, restarts: false, reason: "Bad exit code 1"),
]

/// Starts a process at `seconds` and confirms the spawn at once.
private func spawn(_ driver: inout LifecycleDriver, at seconds: Double, pid: Int32) {
    #expect(driver.send(.start, at: seconds).actions == [.spawn])
    driver.send(.spawned(pid: pid), at: seconds)
}

@Suite struct LifecycleRestartTests {
    @Test(arguments: autorestartCases)
    func anExitFromRunningFollowsAutorestart(_ testCase: AutorestartCase) {
        let spec = LifecycleSpec(autorestart: testCase.policy, exitCodes: testCase.exitCodes)
        var driver = LifecycleDriver(spec: spec)
        spawn(&driver, at: 0, pid: 10)
        driver.send(.tick, at: 1)
        let exit = driver.send(.exited(testCase.exit), at: 5)
        #expect(exit.lifecycle.state == .exited)
        #expect(exit.lifecycle.pid == nil)
        #expect(exit.lifecycle.lastExit == testCase.exit)
        #expect(exit.lifecycle.lastExitExpected == testCase.expected)
        #expect(exit.lifecycle.errorMessage == testCase.reason)
        #expect(exit.deadline == (testCase.restarts ? at(5) : nil))

        let tick = driver.send(.tick, at: 5)
        #expect(tick.actions == (testCase.restarts ? [.spawn] : []))
        #expect(tick.lifecycle.state == (testCase.restarts ? .starting : .exited))
        #expect(driver.send(.tick, at: 1000).actions.isEmpty)
    }

    @Test func anExitAfterStartsecsBeforeTheTickIsARunThatExited() {
        var driver = LifecycleDriver()
        spawn(&driver, at: 0, pid: 10)
        let exit = driver.send(.exited(.failure), at: 1)
        #expect(exit.lifecycle.state == .exited)
        #expect(exit.lifecycle.failedStarts == 0)
        #expect(exit.deadline == at(1))
    }

    @Test func startsecsZeroIsRunningAtTheSpawnAndNeverBacksOff() {
        var driver = LifecycleDriver(spec: LifecycleSpec(startSeconds: .zero))
        #expect(driver.send(.start, at: 0).actions == [.spawn])
        for attempt in 0..<10 {
            let now = Double(attempt)
            let spawned = driver.send(.spawned(pid: Int32(100 + attempt)), at: now)
            #expect(spawned.lifecycle.state == .running)
            #expect(spawned.deadline == nil)
            let exit = driver.send(.exited(.failure), at: now)
            #expect(exit.lifecycle.state == .exited)
            #expect(exit.lifecycle.failedStarts == 0)
            #expect(exit.deadline == at(now))
            #expect(driver.send(.tick, at: now + 1).actions == [.spawn])
        }
    }

    @Test func linearBackoffRestartsACrashLoopFromRunningAtOnceLikeSupervisord() {
        var driver = LifecycleDriver(spec: LifecycleSpec(autorestart: .always))
        spawn(&driver, at: 0, pid: 10)
        var now = 0.0
        for pid in Int32(11)...20 {
            driver.send(.tick, at: now + 1)
            let exit = driver.send(.exited(.failure), at: now + 1.5)
            #expect(exit.deadline == at(now + 1.5))
            now += 1.5
            #expect(driver.send(.tick, at: now).actions == [.spawn])
            driver.send(.spawned(pid: pid), at: now)
        }
        #expect(driver.lifecycle.failureStreak == 0)
    }

    @Test func exponentialBackoffSlowsACrashLoopFromRunningUntilAStableRunResetsIt() throws {
        let spec = LifecycleSpec(
            autorestart: .always,
            backoff: .exponential(initial: .seconds(1), max: .seconds(60), multiplier: 2)
        )
        #expect(spec.stableRunDuration == .seconds(60))
        var driver = LifecycleDriver(spec: spec)
        spawn(&driver, at: 0, pid: 10)
        var now = 0.0
        var delays: [Duration] = []
        for pid in Int32(11)...15 {
            let running = driver.send(.tick, at: now + 1)
            #expect(running.lifecycle.state == .running)
            #expect(running.deadline == (driver.lifecycle.failureStreak > 0 ? at(now + 60) : nil))
            let exit = driver.send(.exited(.success), at: now + 2)
            let restart = try #require(exit.deadline)
            delays.append(restart - at(now + 2))
            #expect(driver.send(.tick, at: restart.advanced(by: .nanoseconds(-1))).actions.isEmpty)
            now = (restart - at(0)).seconds
            #expect(driver.send(.tick, at: now).actions == [.spawn])
            driver.send(.spawned(pid: pid), at: now)
        }
        #expect(delays == [1, 2, 4, 8, 16].map { Duration.seconds($0) })
        #expect(driver.lifecycle.failedStarts == 0)

        driver.send(.tick, at: now + 1)
        #expect(driver.lifecycle.deadline == at(now + 60))
        #expect(driver.send(.tick, at: now + 59.5).lifecycle.failureStreak == 5)
        let stable = driver.send(.tick, at: now + 60)
        #expect(stable.lifecycle.failureStreak == 0)
        #expect(stable.deadline == nil)
        #expect(stable.actions.isEmpty)
        #expect(driver.send(.exited(.failure), at: now + 100).deadline == at(now + 100))
    }

    @Test func aStableRunCountsEvenWithoutItsTick() {
        let spec = LifecycleSpec(backoff: .exponential(initial: .seconds(1), max: .seconds(8), multiplier: 2))
        var driver = LifecycleDriver(spec: spec)
        spawn(&driver, at: 0, pid: 10)
        driver.send(.tick, at: 1)
        #expect(driver.send(.exited(.failure), at: 2).deadline == at(3))
        driver.send(.tick, at: 3)
        driver.send(.spawned(pid: 11), at: 3)
        driver.send(.tick, at: 4)
        #expect(driver.lifecycle.deadline == at(11))
        let exit = driver.send(.exited(.failure), at: 11)
        #expect(exit.lifecycle.failureStreak == 0)
        #expect(exit.deadline == at(11))
    }

    @Test func quickExitsAndFailedStartsShareTheStreakButOnlyFailedStartsCountTowardsFatal() {
        let spec = LifecycleSpec(
            autorestart: .always,
            backoff: .exponential(initial: .seconds(1), max: .seconds(60), multiplier: 2)
        )
        var driver = LifecycleDriver(spec: spec)
        spawn(&driver, at: 0, pid: 10)
        driver.send(.tick, at: 1)
        #expect(driver.send(.exited(.failure), at: 2).deadline == at(3))
        driver.send(.tick, at: 3)
        driver.send(.spawned(pid: 11), at: 3)
        driver.send(.tick, at: 4)
        #expect(driver.send(.exited(.failure), at: 5).deadline == at(7))
        driver.send(.tick, at: 7)
        driver.send(.spawned(pid: 12), at: 7)
        let failedStart = driver.send(.exited(.failure), at: 7.5)
        #expect(failedStart.lifecycle.state == .backoff)
        #expect(failedStart.lifecycle.failedStarts == 1)
        #expect(failedStart.lifecycle.failureStreak == 3)
        #expect(failedStart.deadline == at(11.5))
    }

    @Test func aPendingRestartHonoursAutorestartChangedBeforeItIsDue() {
        var driver = LifecycleDriver(spec: LifecycleSpec(
            autorestart: .always,
            backoff: .exponential(initial: .seconds(4), max: .seconds(60), multiplier: 2)
        ))
        spawn(&driver, at: 0, pid: 10)
        driver.send(.tick, at: 1)
        #expect(driver.send(.exited(.failure), at: 2).deadline == at(6))
        driver.spec.autorestart = .never
        let due = driver.send(.tick, at: 6)
        #expect(due.actions.isEmpty)
        #expect(due.lifecycle.state == .exited)
        #expect(due.deadline == nil)
    }

    @Test func anOperatorStartFromExitedRunsAgain() {
        var driver = LifecycleDriver(lifecycle: LifecycleFixture.exitedForGood.lifecycle)
        let start = driver.send(.start, at: 6)
        #expect(start.actions == [.spawn])
        #expect(start.lifecycle.startedAt == at(6))
        #expect(driver.send(.spawned(pid: 300), at: 6.25).deadline == at(7.25))
        #expect(driver.lifecycle.startedAt == at(6.25))
        #expect(driver.lifecycle.pid == 300)
    }
}
