import Foundation
import Testing
import TendSupervisor

/// Live reconfiguration: what each kind of change to conf.d does to the running processes.
@Suite struct ReconcileTests {
    static let sleeper = "command = \"sleep 1000\"\nstartsecs = 0\n"

    func pids(_ harness: SupervisorHarness) async throws -> [String: Int32] {
        try await harness.statuses().compactMapValues(\.pid)
    }

    @Test func aNewFileStartsItsPrograms() async throws {
        let harness = try await SupervisorHarness(programs: "[program.a]\n" + Self.sleeper)
        try await harness.await("a", "RUNNING")
        try harness.rewrite("conf.d/b.toml", "[program.b]\n" + Self.sleeper)
        try await harness.await("b", "RUNNING")
        await harness.finish()
    }

    @Test func aChangedCommandRestartsOnlyThatProgram() async throws {
        let harness = try await SupervisorHarness(programs: "[program.a]\n\(Self.sleeper)\n[program.b]\n\(Self.sleeper)")
        try await harness.await("a", "RUNNING")
        try await harness.await("b", "RUNNING")
        let before = try await pids(harness)
        try harness.rewrite("conf.d/app.toml", "[program.a]\ncommand = \"sleep 999\"\nstartsecs = 0\n[program.b]\n\(Self.sleeper)")
        let restarted = try await eventually("a to run its new command") {
            let a = try? await harness.status("a")
            return a?.state == "RUNNING" && a?.pid != before["a"] ? a : nil
        }
        #expect(try String(contentsOfFile: "/proc/\(restarted.pid!)/cmdline", encoding: .utf8) == "sleep\u{0}999\u{0}")
        #expect(try await pids(harness)["b"] == before["b"])
        await harness.finish()
    }

    @Test func anInPlaceChangeRestartsNothing() async throws {
        let harness = try await SupervisorHarness(programs: "[program.a]\n" + Self.sleeper)
        let running = try await harness.await("a", "RUNNING")
        try harness.rewrite("conf.d/app.toml", "[program.a]\n\(Self.sleeper)stopwaitsecs = 3\nautorestart = \"always\"\n")
        let plan = try await eventually("the reload to be taken in") { () -> Bool? in
            let report = await harness.supervisor.plan()
            return report.actions.isEmpty && harness.allEvents.contains { if case .reloaded = $0 { return true } else { return false } } ? true : nil
        }
        #expect(plan)
        #expect(try await harness.status("a").pid == running.pid)
        await harness.finish()
    }

    @Test func scalingKeepsTheSurvivingProcesses() async throws {
        func workers(_ count: Int) -> String {
            "[program.w]\n\(Self.sleeper)numprocs = \(count)\nprocess_name = \"w_%(process_num)d\"\n"
        }
        let harness = try await SupervisorHarness(programs: workers(4))
        for index in 0..<4 { try await harness.await("w_\(index)", "RUNNING") }
        let four = try await pids(harness)
        try harness.rewrite("conf.d/app.toml", workers(2))
        try await eventually("w_2 and w_3 to be gone") { (try? await harness.statuses().count) == 2 ? true : nil }
        let two = try await pids(harness)
        #expect(two == four.filter { ["w_0", "w_1"].contains($0.key) })
        try harness.rewrite("conf.d/app.toml", workers(6))
        for index in 0..<6 { try await harness.await("w_\(index)", "RUNNING") }
        let six = try await pids(harness)
        #expect(six["w_0"] == four["w_0"] && six["w_1"] == four["w_1"])
        #expect(Set(six.values).count == 6)
        await harness.finish()
    }

    @Test func aBrokenFileKeepsItsProgramsRunningUntilFixed() async throws {
        let harness = try await SupervisorHarness(programs: "[program.a]\n" + Self.sleeper)
        let running = try await harness.await("a", "RUNNING")
        try harness.rewrite("conf.d/app.toml", "[program.a]\ncommand = \"sleep 5\"\nstartsecs = -1\n")
        try await eventually("the error to be reported") {
            harness.allEvents.contains { if case .configError(let file, _, _) = $0 { return file == "conf.d/app.toml" } else { return false } } ? true : nil
        }
        let report = await harness.supervisor.plan()
        #expect(report.invalid)
        #expect(report.diagnostics == ["conf.d/app.toml:3:13: error: program.a.startsecs: must be zero or more, found -1"])
        #expect(try await harness.status("a").pid == running.pid)
        try harness.rewrite("conf.d/app.toml", "[program.a]\ncommand = \"sleep 5\"\nstartsecs = 0\n")
        try await eventually("the fixed file to apply") {
            let a = try? await harness.status("a")
            return a?.state == "RUNNING" && a?.pid != running.pid ? true : nil
        }
        #expect(harness.allEvents.contains { if case .configFixed(let file, _) = $0 { return file == "conf.d/app.toml" } else { return false } })
        await harness.finish()
    }

    @Test(arguments: [
        // The main file broken: nothing of the load can be used.
        ("tend.toml", "[daemon]\nlog_dir = 42\n", "tend.toml"),
        // The main file cannot be parsed: which files it includes is unknown, so no include counts as removed.
        ("tend.toml", "[daemon\n", "tend.toml"),
        // Every file valid alone, but the assembly fails: b.toml defines a again.
        ("conf.d/b.toml", "[program.a]\ncommand = \"sleep 5\"\n", "conf.d/b.toml"),
    ])
    func aLoadThatGivesNoConfigurationKeepsWhatRuns(file: String, text: String, brokenFile: String) async throws {
        let harness = try await SupervisorHarness(programs: "[program.a]\n" + Self.sleeper)
        let running = try await harness.await("a", "RUNNING")
        try harness.rewrite(file, text)
        try await eventually("the error to be reported") {
            harness.allEvents.contains { if case .configError(let file, _, _) = $0 { return file == brokenFile } else { return false } } ? true : nil
        }
        #expect(await harness.supervisor.plan().actions.isEmpty)
        let a = try await harness.status("a")
        #expect(a.state == "RUNNING" && a.pid == running.pid)
        await harness.finish()
    }

    /// While the main file cannot be parsed the includes are not read: a broken include is neither fixed nor
    /// broken anew as far as the events say, and stays reported once the main file is fixed.
    @Test func aBrokenIncludeIsNotCalledFixedWhileTheMainFileIsBroken() async throws {
        let harness = try await SupervisorHarness(programs: "[program.a]\n" + Self.sleeper, extraFiles: ["conf.d/b.toml": "[program.b]\ncommand = 42\n"])
        func errors(_ file: String) -> Int {
            harness.allEvents.filter { if case .configError(let each, _, _) = $0 { each == file } else { false } }.count
        }
        func fixes(_ file: String) -> Int {
            harness.allEvents.filter { if case .configFixed(let each, _) = $0 { each == file } else { false } }.count
        }
        try await harness.await("a", "RUNNING")
        try await eventually("b reported broken") { errors("conf.d/b.toml") == 1 ? true : nil }
        let main = try String(contentsOfFile: harness.directory + "/tend.toml", encoding: .utf8)
        try harness.rewrite("tend.toml", "[daemon\n")
        try await eventually("the main file reported broken") { errors("tend.toml") == 1 ? true : nil }
        try harness.rewrite("tend.toml", main)
        try await eventually("the main file fixed") { fixes("tend.toml") == 1 ? true : nil }
        #expect(fixes("conf.d/b.toml") == 0)
        #expect(errors("conf.d/b.toml") == 1)
        #expect(try await harness.status("a").state == "RUNNING")
        await harness.finish()
    }

    @Test func aDeletedFileStopsItsPrograms() async throws {
        let harness = try await SupervisorHarness(programs: "[program.a]\n" + Self.sleeper, extraFiles: ["conf.d/b.toml": "[program.b]\n" + Self.sleeper])
        let b = try await harness.await("b", "RUNNING")
        try harness.remove("conf.d/b.toml")
        try await eventually("b to be forgotten") { (try? await harness.statuses())?["b"] == nil ? true : nil }
        #expect(!processExists(b.pid!) || (try? String(contentsOfFile: "/proc/\(b.pid!)/stat", encoding: .utf8))?.contains(") Z") == true)
        #expect(try await harness.status("a").state == "RUNNING")
        await harness.finish()
    }

    @Test func anOperatorStopSurvivesReloadsAndRestarts() async throws {
        let harness = try await SupervisorHarness(programs: "[program.a]\n" + Self.sleeper)
        try await harness.await("a", "RUNNING")
        #expect(try await harness.supervisor.stop([.name("a")]).map(\.error) == [nil])
        try harness.rewrite("conf.d/app.toml", "[program.a]\n\(Self.sleeper)priority = 5\n")
        try await eventually("the reload") { (try? await harness.status("a"))?.priority == 5 ? true : nil }
        #expect(try await harness.status("a").state == "STOPPED")
        #expect(try await harness.status("a").override == "stopped")

        let second = try await SupervisorHarness.makeSupervisor(harness.directory)
        let run = Task { await second.run() }
        try await eventually("the second supervisor to take the config in") { (try? await second.status([.all]))?.isEmpty == false ? true : nil }
        #expect(try await second.status([.name("a")]).first?.state == "STOPPED")
        let started = try await second.start([.name("a")])
        #expect(started.map(\.state) == ["RUNNING"])
        await second.shutdown()
        await run.value
        await harness.finish()
    }

    @Test func aProgramRemovedAndAddedAgainForgetsTheOperatorsStop() async throws {
        let harness = try await SupervisorHarness(programs: "[program.a]\n" + Self.sleeper, extraFiles: ["conf.d/b.toml": "[program.b]\n" + Self.sleeper])
        try await harness.await("b", "RUNNING")
        #expect(try await harness.supervisor.stop([.name("a"), .name("b")]).map(\.error) == [nil, nil])
        try harness.remove("conf.d/b.toml")
        try await eventually("b to be forgotten") { (try? await harness.statuses())?["b"] == nil ? true : nil }
        let saved = try String(contentsOfFile: harness.directory + "/state/overrides.json", encoding: .utf8)
        #expect(saved.contains("\"a\"") && !saved.contains("\"b\""))

        try harness.rewrite("conf.d/b.toml", "[program.b]\n" + Self.sleeper)
        let b = try await harness.await("b", "RUNNING")
        #expect(b.override == nil)
        #expect(try await harness.status("a").state == "STOPPED")
        await harness.finish()
    }

    @Test func startWaitsForRunningAndReportsFailures() async throws {
        let harness = try await SupervisorHarness(programs: """
            [program.slow]
            command = "sleep 1000"
            startsecs = "300ms"
            autostart = false
            [program.bad]
            command = "sh -c 'exit 1'"
            startsecs = 1
            autostart = false
            """)
        try await harness.await("slow", "STOPPED")
        let results = try await harness.supervisor.start([.all])
        #expect(results.map(\.name) == ["bad", "slow"])
        #expect(results.first { $0.name == "slow" }?.state == "RUNNING")
        #expect(results.first { $0.name == "slow" }?.error == nil)
        #expect(results.first { $0.name == "bad" }?.error?.code == .spawnError)
        let again = try await harness.supervisor.start([.name("slow")])
        #expect(again.first?.error?.code == .alreadyStarted)
        await #expect(throws: ControlError.self) { try await harness.supervisor.start([.name("nope")]) }
        await harness.finish()
    }
}
