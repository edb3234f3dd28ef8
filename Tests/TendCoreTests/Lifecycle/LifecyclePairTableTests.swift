import Testing
@testable import TendCore

/// What one (state, event) pair must produce.
enum PairOutcome: Sendable {
    /// The record comes back unchanged (deadline included) with no actions.
    case ignored
    /// The record moves to `state` with these actions and deadline (seconds on the manual clock).
    case becomes(ProcessState, [LifecycleAction], deadline: Double?)
}

struct PairCase: Sendable, CustomTestStringConvertible {
    let fixture: LifecycleFixture
    let kind: EventKind
    let outcome: PairOutcome

    var testDescription: String { "\(fixture) + \(kind)" }
    var now: Double { kind == .tick ? fixture.tickTime : fixture.eventTime }
}

private let term = LifecycleAction.signal(.terminate, toGroup: false)

private func row(_ fixture: LifecycleFixture, _ kind: EventKind, _ outcome: PairOutcome) -> PairCase {
    PairCase(fixture: fixture, kind: kind, outcome: outcome)
}

private func rows(_ fixture: LifecycleFixture, ignoringAllBut outcomes: [EventKind: PairOutcome]) -> [PairCase] {
    EventKind.allCases.map { row(fixture, $0, outcomes[$0] ?? .ignored) }
}

/// Every state x event pair under supervisord's defaults (startsecs 1, startretries 3, stopwaitsecs 10,
/// autorestart unexpected, linear backoff).
let pairTable: [PairCase] =
    rows(.stopped, ignoringAllBut: [
        .start: .becomes(.starting, [.spawn], deadline: nil),
    ])
    + rows(.startingAwaitingPid, ignoringAllBut: [
        .stop: .becomes(.stopping, [], deadline: nil),
        .spawned: .becomes(.starting, [], deadline: 1.25),
        .spawnFailed: .becomes(.backoff, [], deadline: 1.25),
    ])
    + rows(.starting, ignoringAllBut: [
        .stop: .becomes(.stopping, [term], deadline: 10.5),
        .exited: .becomes(.backoff, [], deadline: 1.5),
        .tick: .becomes(.running, [], deadline: nil),
    ])
    + rows(.running, ignoringAllBut: [
        .stop: .becomes(.stopping, [term], deadline: 13),
        .exited: .becomes(.exited, [], deadline: 3),
    ])
    + rows(.backoff, ignoringAllBut: [
        .stop: .becomes(.stopped, [], deadline: nil),
        .tick: .becomes(.starting, [.spawn], deadline: nil),
    ])
    + rows(.stoppingAwaitingPid, ignoringAllBut: [
        .spawned: .becomes(.stopping, [term], deadline: 10.25),
        .spawnFailed: .becomes(.stopped, [], deadline: nil),
    ])
    + rows(.stopping, ignoringAllBut: [
        .exited: .becomes(.stopped, [], deadline: nil),
        .signalFailed: .becomes(.unknown, [], deadline: nil),
        .tick: .becomes(.stopping, [.signal(.kill, toGroup: false)], deadline: 22),
    ])
    + rows(.exitedRestartPending, ignoringAllBut: [
        .start: .becomes(.starting, [.spawn], deadline: nil),
        .stop: .becomes(.stopped, [], deadline: nil),
        .tick: .becomes(.starting, [.spawn], deadline: nil),
    ])
    + rows(.exitedForGood, ignoringAllBut: [
        .start: .becomes(.starting, [.spawn], deadline: nil),
    ])
    + rows(.fatal, ignoringAllBut: [
        .start: .becomes(.starting, [.spawn], deadline: nil),
    ])
    + rows(.unknown, ignoringAllBut: [
        .stop: .becomes(.stopping, [term], deadline: 14),
        .exited: .becomes(.stopped, [], deadline: nil),
    ])

@Suite struct LifecyclePairTableTests {
    @Test func fixturesStandInTheStatesTheyName() {
        for fixture in LifecycleFixture.allCases {
            #expect(fixture.lifecycle.state == fixture.state, "\(fixture)")
        }
        #expect(Set(LifecycleFixture.allCases.map(\.state)) == Set(ProcessState.allCases))
    }

    @Test func tableCoversEveryFixtureAndEventOnce() {
        let pairs = pairTable.map { "\($0.fixture)+\($0.kind)" }
        #expect(Set(pairs).count == pairs.count)
        #expect(pairs.count == LifecycleFixture.allCases.count * EventKind.allCases.count)
    }

    @Test(arguments: pairTable)
    func pair(_ testCase: PairCase) {
        let before = testCase.fixture.lifecycle
        let result = before.transition(on: testCase.kind.event, spec: .supervisordDefaults, now: at(testCase.now))
        switch testCase.outcome {
        case .ignored:
            #expect(result.lifecycle == before)
            #expect(result.actions.isEmpty)
            #expect(result.deadline == before.deadline)
        case .becomes(let state, let actions, let deadline):
            #expect(result.lifecycle.state == state)
            #expect(result.actions == actions)
            #expect(result.deadline == deadline.map(at))
            #expect(result.lifecycle != before)
        }
    }

    @Test(arguments: LifecycleFixture.allCases)
    func tickBeforeTheDeadlineDoesNothing(_ fixture: LifecycleFixture) {
        let before = fixture.lifecycle
        let early = before.deadline?.advanced(by: .nanoseconds(-1)) ?? at(fixture.eventTime)
        let result = before.transition(on: .tick, spec: .supervisordDefaults, now: early)
        #expect(result.lifecycle == before)
        #expect(result.actions.isEmpty)
    }

    @Test(arguments: LifecycleFixture.allCases)
    func aDueTickActsOnceOnly(_ fixture: LifecycleFixture) {
        var driver = LifecycleDriver(lifecycle: fixture.lifecycle)
        let now = at(fixture.tickTime)
        driver.send(.tick, at: now)
        let again = driver.send(.tick, at: now)
        #expect(again.actions.isEmpty)
        #expect(again.lifecycle == driver.lifecycle)
    }
}
