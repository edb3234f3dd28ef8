import Glibc
import SystemPackage
import TendCore
import Testing
@testable import TendSystem

@Suite struct ReaperTests {
    @Test(arguments: [0, 1, 7, 255])
    func theExitCodeIsReported(code: Int32) async throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        let exit = try await run(output.request(["/bin/sh", "-c", "exit \(code)"]))
        #expect(exit.termination == .exited(code: code))
    }

    @Test(arguments: [Signal.terminate, .kill, .interrupt, .user1])
    func theTerminatingSignalIsReported(signal: Signal) async throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        let started = try StartedChild(output.request(["/bin/sleep", "60"]))
        #expect(try Reaper.shared.signal(started.child, signal) == .delivered)
        let exit = try await started.exit()
        #expect(exit.termination == .signaled(signal: signal.number, coreDumped: false))
        #expect(exit.child == started.child)
    }

    @Test func aChildThatKillsItselfIsReportedWithItsSignal() async throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        let exit = try await run(output.request(["/bin/sh", "-c", "kill -HUP $$"]))
        #expect(exit.termination == .signaled(signal: SIGHUP, coreDumped: false))
    }

    @Test func anExitedChildIsNotSignalled() async throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        let started = try StartedChild(output.request(["/bin/true"]))
        _ = try await started.exit()
        #expect(try Reaper.shared.signal(started.child, .kill) == .alreadyExited)
        #expect(try Reaper.shared.signal(started.child, .kill, toGroup: true) == .alreadyExited)
    }

    @Test func everyChildLeadsItsOwnProcessGroup() async throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        let started = try StartedChild(output.request(["/bin/sh", "-c", "ps -o pgid= -p $$"]))
        _ = try await started.exit()
        #expect(output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "\(started.child.pid)")
        #expect(started.child.processGroup != getpgrp())
    }

    /// A shell with two background children; returns it and their pids once it has written them down.
    private func startShellWithChildren(_ output: ChildOutput) async throws -> (StartedChild, [pid_t]) {
        let pids = output.directory.file("pids")
        let script = "sleep 60 & echo $! >> \(pids); sleep 60 & echo $! >> \(pids); echo done >> \(pids); wait"
        let shell = try StartedChild(output.request(["/bin/sh", "-c", script]))
        try await eventually("the shell to start its children") {
            output.directory.read("pids")?.contains("done") == true
        }
        let children = output.directory.read("pids")!.split(separator: "\n").compactMap { pid_t($0) }
        try #require(children.count == 2)
        return (shell, children)
    }

    @Test func signallingTheGroupStopsTheShellsChildren() async throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        let (shell, children) = try await startShellWithChildren(output)
        #expect(try Reaper.shared.signal(shell.child, .terminate, toGroup: true) == .delivered)
        let exit = try await shell.exit()
        #expect(exit.termination == .signaled(signal: SIGTERM, coreDumped: false))
        // The children were orphaned to tend (a subreaper) and must be gone, reaped, not zombies.
        try await eventually("the shell's children to be reaped") { children.allSatisfy { !processExists($0) } }
    }

    @Test func signallingOnlyTheLeaderLeavesTheGroupRunning() async throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        let (shell, children) = try await startShellWithChildren(output)
        defer { children.forEach { kill($0, SIGKILL) } }
        #expect(try Reaper.shared.signal(shell.child, .terminate) == .delivered)
        _ = try await shell.exit()
        #expect(children.allSatisfy(processExists))
        // Alive: sleeping or, on a busy machine, still running towards their sleep; never a zombie.
        #expect(children.allSatisfy { pid in
            let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
            return stat.map { $0.contains(") S ") || $0.contains(") R ") } ?? false
        })
        children.forEach { kill($0, SIGKILL) }
        try await eventually("the orphaned sleeps to be reaped") { children.allSatisfy { !processExists($0) } }
    }

    @Test func anOrphanedGrandchildIsAdoptedAndReapedLeavingNoZombie() async throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        let pidFile = directory.file("grandchild")
        let exit = try await run(output.request(["/bin/sh", "-c", "sleep 60 & echo $! > \(pidFile)"]))
        #expect(exit.termination == .exited(code: 0))
        let grandchild = try #require(directory.read("grandchild").flatMap { pid_t($0.trimmingCharacters(in: .newlines)) })
        defer { kill(grandchild, SIGKILL) }
        try await eventually("the orphan to be adopted by tend, a subreaper") { parentPID(of: grandchild) == getpid() }
        let reapedBefore = Reaper.shared.orphansReaped
        kill(grandchild, SIGKILL)
        try await eventually("the orphan \(grandchild) to be reaped") { !processExists(grandchild) }
        #expect(Reaper.shared.orphansReaped > reapedBefore)
    }

    @Test func orphanSweepsNeverStealAChildsExitStatus() async throws {
        let directory = try TemporaryDirectory()
        let outputs = try (0..<40).map { try ChildOutput(in: directory, name: "child\($0)") }
        // Each child leaves an orphan behind and exits with its own code; every code must arrive intact.
        let started = try outputs.enumerated().map { index, output in
            try StartedChild(output.request(["/bin/sh", "-c", "/bin/true & exit \(index + 1)"]))
        }
        for (index, child) in started.enumerated() {
            #expect(try await child.exit().termination == .exited(code: Int32(index + 1)))
        }
    }

    @Test func aThousandSpawnsLeaveNoDescriptorBehind() async throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        let request = output.request(["/bin/true"])
        let before = try openPidfdCount()
        for _ in 0..<20 {
            let batch = try (0..<50).map { _ in try StartedChild(request) }
            for child in batch { #expect(try await child.exit().termination == .exited(code: 0)) }
        }
        // Other tests spawn children meanwhile: wait for the pidfd count to settle, never above before. (The
        // daemon-level test counts every descriptor of a real tend daemon.)
        try await eventually("the pidfd count to return to \(before)") { try openPidfdCount() <= before }
    }
}
