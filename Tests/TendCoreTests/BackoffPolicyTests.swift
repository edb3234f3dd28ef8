import Testing
@testable import TendCore

@Suite struct BackoffPolicyTests {
    @Test(arguments: [(1, 1.0), (2, 2.0), (3, 3.0), (10, 10.0)])
    func linearWaitsOneSecondMorePerFailure(failures: Int, seconds: Double) {
        #expect(BackoffPolicy.linear.delay(afterFailures: failures) == .seconds(seconds))
    }

    @Test(arguments: [(1, 1.0), (2, 2.0), (3, 4.0), (6, 32.0), (7, 60.0), (50, 60.0)])
    func exponentialDoublesUpToTheCap(failures: Int, seconds: Double) {
        let policy = BackoffPolicy.exponential(initial: .seconds(1), max: .seconds(60), multiplier: 2)
        #expect(policy.delay(afterFailures: failures) == .seconds(seconds))
    }

    @Test func signalsAreFoundByAnySpelling() {
        #expect(Signal(named: "TERM") == .terminate)
        #expect(Signal(named: "sigterm") == .terminate)
        #expect(Signal(named: "15") == .terminate)
        #expect(Signal(named: "SIGBOGUS") == nil)
        #expect(Signal.all.count == 31)
    }
}
