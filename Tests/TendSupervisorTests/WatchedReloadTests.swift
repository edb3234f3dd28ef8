import Foundation
import SystemPackage
import Testing
import TendSupervisor
import TendSystem
import TendTestKit

/// conf.d watched with inotify: each way of saving a file applies once, and correctly.
@Suite struct WatchedReloadTests {
    static let sleeper = "command = \"sleep 1000\"\nstartsecs = 0\n"

    /// Runs `change` in conf.d, waits until `expected` holds, and checks it took exactly one reload.
    func expectOneReload(_ harness: SupervisorHarness, _ change: String, until expected: @escaping () async -> Bool) async throws {
        let before = harness.reloads
        try FileManager.default.createDirectory(atPath: harness.directory + "/conf.d", withIntermediateDirectories: true)
        try await runShell(change, in: harness.directory + "/conf.d")
        try await eventually("the change \(change) to apply") { await expected() ? true : nil }
        // Give a second notification the time it would take to arrive (the watcher's quiet window is 20 ms)
        // by waiting for the supervisor to answer a later, independent reload.
        try await eventually("the watcher to settle") { () -> Bool? in
            let report = await harness.supervisor.plan()
            return report.actions.isEmpty ? true : nil
        }
        try await eventually("a quiet period") { harness.quietFor(milliseconds: 150) ? true : nil }
        #expect(harness.reloads == before + 1, "\(change): \(harness.reloads - before) reloads")
    }

    func running(_ harness: SupervisorHarness, _ name: String) async -> Bool {
        (try? await harness.status(name))?.state == "RUNNING"
    }

    func gone(_ harness: SupervisorHarness, _ name: String) async -> Bool {
        (try? await harness.statuses())?[name] == nil
    }

    func command(_ harness: SupervisorHarness, _ name: String) async -> String? {
        guard let pid = (try? await harness.status(name))?.pid else { return nil }
        return try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8).replacingOccurrences(of: "\u{0}", with: " ")
    }

    @Test func everySavePatternAppliesOnce() async throws {
        let harness = try await SupervisorHarness(programs: "[program.a]\n" + Self.sleeper, watch: true)
        try await harness.await("a", "RUNNING")
        try await expectOneReload(harness, "echo '[program.b]\ncommand = \"sleep 1001\"\nstartsecs = 0' > b.toml") { await running(harness, "b") }
        try await expectOneReload(harness, "printf '[program.b]\\ncommand = \"sleep 1002\"\\nstartsecs = 0\\n' > .b.tmp && mv .b.tmp b.toml") {
            await command(harness, "b") == "sleep 1002 "
        }
        try await expectOneReload(harness, "sed -i 's/1002/1003/' b.toml") { await command(harness, "b") == "sleep 1003 " }
        // vim: write a probe file, rename the original to a backup, write the new file, delete the backup.
        try await expectOneReload(harness, "touch 4913 && rm 4913 && mv b.toml b.toml~ && sed 's/1003/1004/' b.toml~ > b.toml && rm b.toml~") {
            await command(harness, "b") == "sleep 1004 "
        }
        try await expectOneReload(harness, "rm b.toml") { await gone(harness, "b") }
        await harness.finish()
    }

    @Test func aKubernetesConfigMapSwapApplies() async throws {
        let harness = try await SupervisorHarness(programs: "[program.a]\n" + Self.sleeper, watch: true)
        try await harness.await("a", "RUNNING")
        try await expectOneReload(harness, """
            mkdir ..v1 && printf '[program.cm]\\ncommand = "sleep 2001"\\nstartsecs = 0\\n' > ..v1/cm.toml && \
            ln -s ..v1 ..data && ln -s ..data/cm.toml cm.toml
            """) { await command(harness, "cm") == "sleep 2001 " }
        try await expectOneReload(harness, """
            mkdir ..v2 && printf '[program.cm]\\ncommand = "sleep 2002"\\nstartsecs = 0\\n' > ..v2/cm.toml && \
            ln -s ..v2 ..data_tmp && mv -T ..data_tmp ..data && rm -rf ..v1
            """) { await command(harness, "cm") == "sleep 2002 " }
        await harness.finish()
    }

    @Test func aBurstOfAThousandFilesAppliesThemAll() async throws {
        let harness = try await SupervisorHarness(programs: "[program.a]\n" + Self.sleeper, watch: true)
        try await harness.await("a", "RUNNING")
        try await runShell("for i in $(seq 1000); do printf '[program.p%d]\\ncommand = \"sleep 1000\"\\nautostart = false\\n' $i > p$i.toml; done", in: harness.directory + "/conf.d")
        try await eventually("1,000 new programs", within: .seconds(30)) { (try? await harness.statuses().count) == 1001 ? true : nil }
        #expect(harness.reloads >= 1)
        await harness.finish()
    }

    @Test func confDRemovedAndRecreatedStopsThenStartsAgain() async throws {
        let harness = try await SupervisorHarness(programs: "[program.a]\n" + Self.sleeper, watch: true)
        try await harness.await("a", "RUNNING")
        try await runShell("rm -rf conf.d", in: harness.directory)
        try await eventually("a to be gone") { await gone(harness, "a") ? true : nil }
        try await runShell("mkdir conf.d && printf '[program.a]\\ncommand = \"sleep 1000\"\\nstartsecs = 0\\n' > conf.d/app.toml", in: harness.directory)
        try await harness.await("a", "RUNNING")
        await harness.finish()
    }

    @Test func aNewSubdirectoryIsSeenWithARecursiveInclude() async throws {
        let harness = try await SupervisorHarness(programs: "[program.a]\n" + Self.sleeper, include: ["conf.d/**/*.toml"], watch: true)
        try await harness.await("a", "RUNNING")
        try await expectOneReload(harness, "mkdir -p team/web && printf '[program.deep]\\ncommand = \"sleep 1000\"\\nstartsecs = 0\\n' > team/web/deep.toml") {
            await running(harness, "deep")
        }
        await harness.finish()
    }
}

