import Testing
@testable import TendCore

@Suite struct LifecycleValueTests {
    @Test(arguments: [
        (ProcessExit.exited(code: 0), "exit status 0"),
        (.exited(code: 127), "exit status 127"),
        (.signaled(signal: 9, coreDumped: false), "terminated by SIGKILL"),
        (.signaled(signal: 11, coreDumped: true), "terminated by SIGSEGV (core dumped)"),
        (.signaled(signal: 40, coreDumped: false), "terminated by signal 40"),
    ])
    func exitsReadAsSupervisordWritesThem(exit: ProcessExit, text: String) {
        #expect(exit.description == text)
    }

    @Test(arguments: [
        (ProcessExit.exited(code: 0), [0] as Set<Int32>, true),
        (.exited(code: 2), [0] as Set<Int32>, false),
        (.exited(code: 2), [0, 2] as Set<Int32>, true),
        (.signaled(signal: 15, coreDumped: false), [0, 15] as Set<Int32>, false),
    ])
    func onlyListedExitStatusesAreExpected(exit: ProcessExit, codes: Set<Int32>, expected: Bool) {
        #expect(exit.isExpected(exitCodes: codes) == expected)
    }

    @Test func statesUseSupervisordsNames() {
        #expect(ProcessState.allCases.map(\.rawValue) == [
            "STOPPED", "STARTING", "RUNNING", "BACKOFF", "STOPPING", "EXITED", "FATAL", "UNKNOWN",
        ])
        #expect(ProcessState(rawValue: "BACKOFF") == .backoff)
    }

    @Test func instantsAdvanceAndSubtract() {
        let start = MonotonicInstant(sinceOrigin: .seconds(100))
        let later = start.advanced(by: .milliseconds(1500))
        #expect(later - start == .milliseconds(1500))
        #expect(start - later == .milliseconds(-1500))
        #expect(start < later)
        #expect(later.advanced(by: .milliseconds(-1500)) == start)
    }

    @Test func defaultsAreSupervisords() {
        let spec = LifecycleSpec.supervisordDefaults
        #expect(spec.startSeconds == .seconds(1))
        #expect(spec.startRetries == .limited(3))
        #expect(spec.autorestart == .unexpected)
        #expect(spec.exitCodes == [0])
        #expect(spec.stopSignal == .terminate)
        #expect(spec.stopWaitSeconds == .seconds(10))
        #expect(!spec.stopAsGroup && !spec.killAsGroup)
        #expect(spec.backoff == .linear)
        #expect(spec.stableRunDuration == .seconds(1))
    }

    @Test(arguments: [(1.0, 60.0, 60.0), (90.0, 60.0, 90.0)])
    func exponentialBackoffNeedsARunAsLongAsItsCapToCountAsStable(startsecs: Double, cap: Double, stable: Double) {
        let spec = LifecycleSpec(
            startSeconds: .seconds(startsecs),
            backoff: .exponential(initial: .seconds(1), max: .seconds(cap), multiplier: 2)
        )
        #expect(spec.stableRunDuration == .seconds(stable))
    }

    @Test func aNewRecordIsStoppedWithNothingDue() {
        let fresh = ProcessLifecycle()
        #expect(fresh.state == .stopped)
        #expect(fresh.pid == nil && fresh.deadline == nil && fresh.startedAt == nil)
        #expect(fresh.failedStarts == 0 && fresh.failureStreak == 0)
    }
}
