import Testing
@testable import TendCore

@Suite struct PlannerTests {
    typealias F = Fixture
    static let web = F.desired("web", file: "conf.d/web.toml")

    @Test func aNewProgramStarts() {
        #expect(F.plan(desired: [Self.web], observed: []) == ["start web (new in conf.d/web.toml)"])
    }

    @Test func aNewProgramWithoutAutostartIsOnlyAdded() {
        let lazy = F.desired("lazy", file: "conf.d/lazy.toml", autostart: false)
        #expect(F.plan(desired: [lazy], observed: []) == ["add lazy (new in conf.d/lazy.toml, autostart = false)"])
    }

    @Test(arguments: [
        (ProcessState.running, "stop web (removed from conf.d/web.toml)"),
        (.starting, "stop web (removed from conf.d/web.toml)"),
        (.backoff, "stop web (removed from conf.d/web.toml)"),
        (.stopped, "forget web (removed from conf.d/web.toml)"),
        (.exited, "forget web (removed from conf.d/web.toml)"),
        (.fatal, "forget web (removed from conf.d/web.toml)"),
    ])
    func aRemovedProgramStopsThenIsForgotten(state: ProcessState, expected: String) {
        #expect(F.plan(desired: [], observed: [F.observed(Self.web, state)]) == [expected])
    }

    @Test func aProcessAlreadyStoppingIsLeftToFinish() {
        #expect(F.plan(desired: [], observed: [F.observed(Self.web, .stopping)]) == [])
        let changed = F.desired("web", command: ["sleep", "5"], file: "conf.d/web.toml")
        #expect(F.plan(desired: [changed], observed: [F.observed(Self.web, .stopping)]) == [])
    }

    @Test func nothingChangedMeansNothingToDo() {
        #expect(F.plan(desired: [Self.web], observed: [F.observed(Self.web, .running)]) == [])
        #expect(F.plan(desired: [Self.web], observed: [F.observed(Self.web, .exited)]) == [])
        #expect(F.plan(desired: [Self.web], observed: [F.observed(Self.web, .fatal)]) == [])
    }

    @Test func aLaunchKeyChangeRestartsARunningProcess() {
        let changed = F.desired("web", command: ["python3", "-m", "http.server"], file: "conf.d/web.toml")
        #expect(F.plan(desired: [changed], observed: [F.observed(Self.web, .running)]) == ["restart web (command changed)"])
    }

    @Test func anInPlaceChangeUpdatesWithoutRestart() {
        var quicker = Self.web
        quicker.lifecycle.stopWaitSeconds = .seconds(3)
        quicker.lifecycle.autorestart = .always
        #expect(F.plan(desired: [quicker], observed: [F.observed(Self.web, .running)])
            == ["update web (autorestart unexpected -> always, stopwaitsecs 10s -> 3s)"])
    }

    @Test func aFatalProgramWhoseConfigChangedIsTriedAgain() {
        let fixed = F.desired("web", command: ["sleep", "1"], file: "conf.d/web.toml")
        #expect(F.plan(desired: [fixed], observed: [F.observed(Self.web, .fatal)]) == ["start web (command changed)"])
    }

    @Test func anIdleProcessWithAChangedLaunchKeyIsUpdatedWhenNotWanted() {
        let changed = F.desired("web", command: ["sleep", "1"], file: "conf.d/web.toml")
        let stopped = [ "web": OperatorOverride(intent: .stopped, generation: 1) ]
        #expect(F.plan(desired: [changed], observed: [F.observed(Self.web, .stopped)], overrides: stopped) == ["update web (command changed)"])
    }

    @Test func scalingDownStopsOnlyTheSurplus() {
        let old = (0..<4).map { F.desired("worker_0\($0)", program: "worker", numprocs: 4) }
        let new = (0..<2).map { F.desired("worker_0\($0)", program: "worker", numprocs: 2) }
        #expect(F.plan(desired: new, observed: old.map { F.observed($0, .running) }) == [
            "stop worker_02 (numprocs 4 -> 2)",
            "stop worker_03 (numprocs 4 -> 2)",
            "update worker_00 (numprocs 4 -> 2)",
            "update worker_01 (numprocs 4 -> 2)",
        ])
    }

    @Test func scalingUpStartsOnlyTheNewInstances() {
        let old = (0..<2).map { F.desired("worker_0\($0)", program: "worker", numprocs: 2) }
        let new = (0..<3).map { F.desired("worker_0\($0)", program: "worker", numprocs: 3) }
        #expect(F.plan(desired: new, observed: old.map { F.observed($0, .running) }) == [
            "update worker_00 (numprocs 2 -> 3)",
            "update worker_01 (numprocs 2 -> 3)",
            "start worker_02 (new in conf.d/app.toml)",
        ])
    }

    @Test func lowerPriorityStartsFirstAndStopsLast() {
        let db = F.desired("db", priority: 10), app = F.desired("app", priority: 500), web = F.desired("web", priority: 999)
        #expect(F.plan(desired: [web, db, app], observed: []) == [
            "start db (new in conf.d/app.toml)", "start app (new in conf.d/app.toml)", "start web (new in conf.d/app.toml)",
        ])
        #expect(F.plan(desired: [], observed: [db, app, web].map { F.observed($0, .running) }) == [
            "stop web (removed from conf.d/app.toml)", "stop app (removed from conf.d/app.toml)", "stop db (removed from conf.d/app.toml)",
        ])
    }

    @Test func anOperatorStopHoldsAcrossReloads() {
        let stopped = ["web": OperatorOverride(intent: .stopped, generation: 3)]
        #expect(F.plan(desired: [Self.web], observed: [F.observed(Self.web, .running)], overrides: stopped) == ["stop web (stopped by operator)"])
        #expect(F.plan(desired: [Self.web], observed: [F.observed(Self.web, .stopped)], overrides: stopped) == [])
        #expect(F.plan(desired: [Self.web], observed: [], overrides: stopped) == ["add web (new in conf.d/web.toml, stopped by operator)"])
    }

    @Test func anOperatorStartIsCarriedOutOnce() {
        let started = ["web": OperatorOverride(intent: .started, generation: 4)]
        #expect(F.plan(desired: [Self.web], observed: [F.observed(Self.web, .fatal, generation: 3)], overrides: started) == ["start web (started by operator)"])
        #expect(F.plan(desired: [Self.web], observed: [F.observed(Self.web, .running, generation: 3)], overrides: started) == ["restart web (restarted by operator)"])
        #expect(F.plan(desired: [Self.web], observed: [F.observed(Self.web, .exited, generation: 4)], overrides: started) == [])
    }

    @Test func anOperatorStartRunsAProgramWithoutAutostart() {
        let lazy = F.desired("lazy", autostart: false)
        let started = ["lazy": OperatorOverride(intent: .started, generation: 1)]
        #expect(F.plan(desired: [lazy], observed: [], overrides: started) == ["start lazy (new in conf.d/app.toml)"])
        #expect(F.plan(desired: [lazy], observed: [F.observed(lazy, .stopped, generation: nil)], overrides: started) == ["start lazy (started by operator)"])
        #expect(F.plan(desired: [lazy], observed: [F.observed(lazy, .stopped, generation: nil)]) == [])
    }

    @Test func turningAutostartOnStartsAnIdleProcess() {
        let lazy = F.desired("lazy", autostart: false)
        #expect(F.plan(desired: [F.desired("lazy")], observed: [F.observed(lazy, .stopped, generation: nil)]) == ["start lazy (autostart false -> true)"])
    }

    @Test func thePlanWakesAtTheEarliestDeadline() {
        let soon = F.now.advanced(by: .seconds(2)), later = F.now.advanced(by: .seconds(9))
        let a = F.desired("a"), b = F.desired("b")
        let table = ReconcileTable(
            desired: ["a": a, "b": b],
            observed: ["a": F.observed(a, .backoff, deadline: later), "b": F.observed(b, .starting, deadline: soon)])
        let plan = Planner.plan(table, overrides: [:], now: F.now)
        #expect(plan.isEmpty)
        #expect(plan.deadline == soon)
    }

    @Test func overridesApplyWhereverTheirProcessesAreStored() {
        let processes = (0..<12).map { F.desired("p\($0)") }
        let overrides = [
            "p0": OperatorOverride(intent: .stopped, generation: 1), "p7": OperatorOverride(intent: .stopped, generation: 2),
            "p11": OperatorOverride(intent: .started, generation: 3), "absent": OperatorOverride(intent: .stopped, generation: 4),
        ]
        #expect(F.plan(desired: processes, observed: processes.map { F.observed($0, .running) }, overrides: overrides) == [
            "stop p0 (stopped by operator)", "restart p11 (restarted by operator)", "stop p7 (stopped by operator)",
        ])
    }

    @Test func aPassTowardsNothingStopsWhatRunsAndForgetsTheRest() {
        let web = F.desired("web", priority: 10), db = F.desired("db", priority: 1), old = F.desired("old"), busy = F.desired("busy")
        let table = ReconcileTable(
            desired: ["web": web, "db": db, "old": old, "busy": busy, "new": F.desired("new")],
            observed: ["web": F.observed(web, .running), "db": F.observed(db, .running), "old": F.observed(old, .exited), "busy": F.observed(busy, .stopping)])
        let plan = Planner.plan(table, towards: .nothing, overrides: [:], now: F.now)
        #expect(plan.actions.map(\.description) == [
            "forget old (removed from conf.d/app.toml)", "stop web (removed from conf.d/app.toml)", "stop db (removed from conf.d/app.toml)",
        ])
    }
}
