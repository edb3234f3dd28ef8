import Testing
@testable import TendCore

/// Where a stop from each fixture ends once the runtime has answered every action it asked for.
let stopOutcomes: [(LifecycleFixture, ProcessState)] = [
    (.stopped, .stopped),
    (.startingAwaitingPid, .stopped),
    (.starting, .stopped),
    (.running, .stopped),
    (.backoff, .stopped),
    (.stoppingAwaitingPid, .stopped),
    (.stopping, .stopped),
    (.exitedRestartPending, .stopped),
    (.exitedForGood, .exited),
    (.fatal, .fatal),
    (.unknown, .stopped),
]

@Suite struct LifecycleStopTests {
    @Test func everyFixtureHasAStopOutcome() {
        #expect(stopOutcomes.map(\.0) == LifecycleFixture.allCases)
    }

    @Test(arguments: stopOutcomes)
    func aStopFromEveryStateEndsWithoutAProcessAndNeverRestarts(fixture: LifecycleFixture, final: ProcessState) {
        var driver = LifecycleDriver(lifecycle: fixture.lifecycle)
        var now = fixture.eventTime
        var pending = driver.send(.stop, at: now).actions
        #expect(!pending.contains(.spawn))
        if driver.lifecycle.state == .stopping, driver.lifecycle.pid == nil {
            now += 0.25
            pending = driver.send(.spawned(pid: 500), at: now).actions
        }
        if driver.lifecycle.state == .stopping {
            let alreadySignalled = fixture == .stopping
            #expect(pending == (alreadySignalled ? [] : [.signal(.terminate, toGroup: false)]))
            now += 0.25
            driver.send(.exited(.signaled(signal: 15, coreDumped: false)), at: now)
        }
        #expect(driver.lifecycle.state == final)
        #expect(driver.lifecycle.pid == nil)
        #expect(driver.lifecycle.deadline == nil)
        #expect(driver.send(.tick, at: 10_000).actions.isEmpty)
        #expect(driver.send(.stop, at: 10_000).actions.isEmpty)
    }

    @Test func sigkillFollowsAfterStopwaitsecsAndRepeatsUntilTheExit() {
        let spec = LifecycleSpec(stopSignal: .interrupt, stopWaitSeconds: .seconds(10), stopAsGroup: true)
        #expect(spec.killAsGroup)
        var driver = LifecycleDriver(spec: spec, lifecycle: LifecycleFixture.running.lifecycle)
        let stop = driver.send(.stop, at: 2)
        #expect(stop.actions == [.signal(.interrupt, toGroup: true)])
        #expect(stop.lifecycle.stopRequestedAt == at(2))
        #expect(stop.deadline == at(12))
        #expect(driver.send(.tick, at: at(12).advanced(by: .nanoseconds(-1))).actions.isEmpty)

        let kill = driver.send(.tick, at: 12)
        #expect(kill.actions == [.signal(.kill, toGroup: true)])
        #expect(kill.lifecycle.state == .stopping)
        #expect(kill.lifecycle.killSent)
        #expect(kill.deadline == at(22))
        #expect(driver.send(.tick, at: 21).actions.isEmpty)
        #expect(driver.send(.tick, at: 22.5).actions == [.signal(.kill, toGroup: true)])
        #expect(driver.lifecycle.deadline == at(32.5))

        let exit = driver.send(.exited(.signaled(signal: 9, coreDumped: false)), at: 23)
        #expect(exit.lifecycle.state == .stopped)
        #expect(exit.lifecycle.lastExit == .signaled(signal: 9, coreDumped: false))
        #expect(exit.lifecycle.lastExitExpected == false)
        #expect(exit.lifecycle.exitedAt == at(23))
        #expect(exit.deadline == nil)
    }

    @Test(arguments: [(false, false), (false, true), (true, true)])
    func stopAndKillGoWhereTheSpecSays(stopAsGroup: Bool, killAsGroup: Bool) {
        let spec = LifecycleSpec(stopAsGroup: stopAsGroup, killAsGroup: killAsGroup)
        var driver = LifecycleDriver(spec: spec, lifecycle: LifecycleFixture.running.lifecycle)
        #expect(driver.send(.stop, at: 2).actions == [.signal(.terminate, toGroup: stopAsGroup)])
        #expect(driver.send(.tick, at: 12).actions == [.signal(.kill, toGroup: killAsGroup)])
    }

    @Test func anExpectedExitDuringAStopIsStoppedAndNotRestarted() {
        var driver = LifecycleDriver(spec: LifecycleSpec(autorestart: .always), lifecycle: LifecycleFixture.stopping.lifecycle)
        let exit = driver.send(.exited(.success), at: 3)
        #expect(exit.lifecycle.state == .stopped)
        #expect(exit.lifecycle.lastExitExpected)
        #expect(exit.lifecycle.killSent == false)
        #expect(driver.send(.tick, at: 1000).actions.isEmpty)
    }

    @Test func aStopBeforeTheSpawnIsConfirmedSignalsAsSoonAsThePidArrives() {
        var driver = LifecycleDriver()
        driver.send(.start, at: 0)
        #expect(driver.send(.stop, at: 0).actions.isEmpty)
        let spawned = driver.send(.spawned(pid: 42), at: 0.5)
        #expect(spawned.actions == [.signal(.terminate, toGroup: false)])
        #expect(spawned.lifecycle.pid == 42)
        #expect(spawned.deadline == at(10.5))
        #expect(driver.send(.tick, at: 10.5).actions == [.signal(.kill, toGroup: false)])
    }

    @Test func aStopBeforeASpawnThatFailsIsStoppedWithTheError() {
        var driver = LifecycleDriver()
        driver.send(.start, at: 0)
        driver.send(.stop, at: 0)
        let failed = driver.send(.spawnFailed(message: "exec failed: EACCES"), at: 0.25)
        #expect(failed.lifecycle.state == .stopped)
        #expect(failed.lifecycle.errorMessage == "exec failed: EACCES")
        #expect(failed.lifecycle.failedStarts == 0)
    }

    @Test func aSignalThatCannotBeDeliveredLeavesUnknownUntilTheExitOrAnotherStop() {
        var driver = LifecycleDriver(lifecycle: LifecycleFixture.stopping.lifecycle)
        let failed = driver.send(.signalFailed(message: "pidfd_send_signal: EPERM"), at: 3)
        #expect(failed.lifecycle.state == .unknown)
        #expect(failed.lifecycle.pid == 100)
        #expect(failed.lifecycle.errorMessage == "pidfd_send_signal: EPERM")
        #expect(failed.deadline == nil)
        #expect(driver.send(.start, at: 4).actions.isEmpty)

        let retry = driver.send(.stop, at: 5)
        #expect(retry.actions == [.signal(.terminate, toGroup: false)])
        #expect(retry.deadline == at(15))
        #expect(driver.send(.tick, at: 15).actions == [.signal(.kill, toGroup: false)])
        #expect(driver.send(.exited(.signaled(signal: 9, coreDumped: false)), at: 16).lifecycle.state == .stopped)
    }
}
