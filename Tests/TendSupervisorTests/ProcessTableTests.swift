import Testing
import TendCore
@testable import TendSupervisor

/// The supervisor's table: it notes every process set or removed, so a pass can plan just those, and keeps
/// the pending deadlines, so the due processes and the next wake-up are found without a walk.
@Suite struct ProcessTableTests {
    static let origin = MonotonicInstant(sinceOrigin: .seconds(100))

    /// A process named `name`, spawned at `origin` and STARTING, so its `startsecs` deadline is pending.
    static func starting(_ name: String, startsecs: Duration) -> ManagedProcess {
        var lifecycle = LifecycleSpec.supervisordDefaults
        lifecycle.startSeconds = startsecs
        let spec = ProcessSpec(
            name: name, processNumber: 0, argv: ["sleep", "100"], directory: nil, environment: [:], user: nil, umask: nil,
            stdout: .none, stderr: .none)
        let desired = DesiredProcess(
            spec: spec, program: name, numprocs: 1, group: name, file: "conf.d/\(name).toml", priority: 999,
            autostart: true, lifecycle: lifecycle)
        var process = ManagedProcess(applied: desired)
        let started = process.observed.lifecycle.transition(on: .start, spec: lifecycle, now: origin).lifecycle
        process.observed.lifecycle = started.transition(on: .spawned(pid: 4242), spec: lifecycle, now: origin).lifecycle
        return process
    }

    @Test func everySetAndRemovalIsReportedOnce() {
        var table = ProcessTable()
        table["web"] = Self.starting("web", startsecs: .seconds(1))
        table["db"] = Self.starting("db", startsecs: .seconds(1))
        #expect(table.takeChanged() == ["web", "db"])
        #expect(table.takeChanged().isEmpty)

        var web = table["web"]
        web?.startedAtWallClock = 1
        table["web"] = web
        table.removeValue(forKey: "db")
        table.removeValue(forKey: "never-there")
        #expect(table.takeChanged() == ["web", "db"])
        #expect(table.keys.sorted() == ["web"])
    }

    @Test func deadlinesFollowTheLifecycles() {
        var table = ProcessTable()
        #expect(table.earliestDeadline == nil)
        table["slow"] = Self.starting("slow", startsecs: .seconds(5))
        table["quick"] = Self.starting("quick", startsecs: .seconds(1))
        table["other"] = Self.starting("other", startsecs: .seconds(1))
        #expect(table.earliestDeadline == Self.origin.advanced(by: .seconds(1)))
        #expect(table.dueNames(at: Self.origin).isEmpty)
        #expect(table.dueNames(at: Self.origin.advanced(by: .seconds(1))) == ["other", "quick"])
        #expect(table.dueNames(at: Self.origin.advanced(by: .seconds(9))) == ["other", "quick", "slow"])

        // quick reaches RUNNING: nothing is due for it any more.
        var quick = table["quick"]!
        let spec = quick.observed.applied.lifecycle
        quick.observed.lifecycle = quick.observed.lifecycle.transition(on: .tick, spec: spec, now: Self.origin.advanced(by: .seconds(1))).lifecycle
        #expect(quick.observed.lifecycle.state == .running)
        table["quick"] = quick
        table.removeValue(forKey: "other")
        #expect(table.dueNames(at: Self.origin.advanced(by: .seconds(9))) == ["slow"])
        #expect(table.earliestDeadline == Self.origin.advanced(by: .seconds(5)))
    }

    @Test func theDesiredSideOutlivesTheObservedOneAndChangesAreNoted() {
        var table = ProcessTable()
        var web = Self.starting("web", startsecs: .seconds(1))
        web.startedAtWallClock = 42
        table["web"] = web
        _ = table.takeChanged()
        let db = Self.starting("db", startsecs: .seconds(1)).observed.applied
        let first = table.replaceDesired(with: ["web": web.observed.applied, "db": db])
        #expect(first && table.takeChanged() == ["web", "db"])
        let again = table.replaceDesired(with: ["web": web.observed.applied, "db": db])
        #expect(!again && table.takeChanged().isEmpty)

        #expect(table["web"]?.startedAtWallClock == 42, "the runtime's handles come back with the observed process")
        #expect(table["db"] == nil && table.desired("db") != nil)
        table.removeValue(forKey: "web")
        #expect(table["web"] == nil && table.desired("web") != nil && table.keys.isEmpty)
        #expect(table.desiredCount == 2)
    }
}
