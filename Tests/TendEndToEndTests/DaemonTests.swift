import Foundation
import Testing
import TendSystem

@Suite struct DaemonTests {
    /// A daemon with programs running and nothing to do sleeps: no thread of it wakes, not even once a second
    /// (libdispatch's worker pool would; tasks run on the event loops and timers are timerfds instead).
    @Test func anIdleDaemonDoesNotWakeUp() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("tend.toml", "[daemon]\nlogfile = \"/dev/stderr\"\n")
        try scratch.write("conf.d/app.toml", """
            [program.sleeper]
            command = "sleep 1000"
            startsecs = 1
            """)
        let daemon = try RunningDaemon(in: scratch)
        try await daemon.awaitLog("sleeper: STARTING -> RUNNING")
        // Ask it something first, so the control server and its tasks have run.
        #expect(try await TendBinary.run(["status", "-c", "tend.toml"], in: scratch.path).status == 0)
        func wakeUps() -> Int {
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(daemon.child.pid)/task")) ?? []
            return tasks.reduce(0) { total, task in
                let status = (try? String(contentsOfFile: "/proc/\(daemon.child.pid)/task/\(task)/status", encoding: .utf8)) ?? ""
                let line = status.split(separator: "\n").first { $0.hasPrefix("voluntary_ctxt_switches:") }
                return total + (line.flatMap { Int($0.split(separator: "\t").last ?? "") } ?? 0)
            }
        }
        // Let the status request's connection close and the threads settle, then watch for longer than a second.
        var before = wakeUps()
        try await poll("the daemon to settle") {
            try await Task.sleep(for: .milliseconds(200)) // allowed: a settled daemon is one that did not wake over an interval
            let now = wakeUps()
            defer { before = now }
            return now == before
        }
        try await Task.sleep(for: .milliseconds(1500)) // allowed: observing that nothing happens over an interval is the test
        #expect(wakeUps() == before, "the idle daemon woke up")
        await daemon.stop()
    }

    @Test func sigtermStopsEveryProgramAndLeavesNoProcessBehind() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("tend.toml", "[daemon]\nlogfile = \"/dev/stderr\"\n")
        try scratch.write("conf.d/app.toml", """
            [program.web]
            command = "sleep 1000"
            startsecs = 0
            priority = 10
            [program.family]
            command = ["sh", "-c", "sleep 1000 & sleep 1000 & wait"]
            startsecs = 0
            stopasgroup = true
            killasgroup = true
            [program.worker]
            command = "sleep 1000"
            startsecs = 0
            numprocs = 3
            process_name = "worker_%(process_num)d"
            """)
        let daemon = try RunningDaemon(in: scratch)
        try await daemon.awaitLog("worker_2: STARTING -> RUNNING")
        try await daemon.awaitLog("family: STARTING -> RUNNING")
        try await daemon.awaitLog("web: STARTING -> RUNNING")
        let children = daemon.childPIDs
        #expect(children.count == 5)
        let descendants = children + children.flatMap { pid in
            ((try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? "").split(separator: " ").compactMap { Int32($0) }
        }
        try daemon.send(.terminate)
        #expect(await daemon.termination() == .exited(code: 0))
        for pid in descendants { #expect(!processExists(pid), "pid \(pid) outlived the daemon") }
        let log = daemon.log
        // Highest priority first: web (10) stops last.
        let webStop = try #require(log.range(of: "web: RUNNING -> STOPPING"))
        let workerStop = try #require(log.range(of: "worker_0: RUNNING -> STOPPING"))
        #expect(workerStop.lowerBound < webStop.lowerBound)
    }

    /// The same descriptors after a thousand spawn/exit cycles as after one: nothing leaks per child. Counted
    /// are the kinds a child costs (pipes, pidfds, files); Dispatch's own timerfds and eventfds come and go
    /// with its timers.
    @Test func aThousandRestartsLeakNoDescriptor() async throws {
        func counter(runs: Int) -> String {
            """
            [program.counter]
            command = ["sh", "-c", "n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count; echo run $n; [ $n -ge \(runs) ]"]
            directory = "."
            startsecs = 0
            autorestart = "unexpected"
            exitcodes = [0]
            """
        }
        var counts: [Int] = []
        func perChild(_ target: String) -> Bool {
            target.hasPrefix("pipe:") || target == "anon_inode:[pidfd]" || target.hasPrefix("/")
        }
        for runs in [1, 1000] {
            let scratch = try ScratchDirectory()
            try scratch.write("tend.toml", "[daemon]\n")
            try scratch.write("conf.d/app.toml", counter(runs: runs))
            let daemon = try RunningDaemon(in: scratch)
            try await poll("\(runs) runs", within: .seconds(60)) { (try? scratch.read("conf.d/count")) == "\(runs)\n" }
            try await daemon.awaitLog("counter: RUNNING -> EXITED (exit status 0)")
            counts.append(daemon.openDescriptors.filter(perChild).count)
            await daemon.stop()
        }
        #expect(counts[0] == counts[1], "descriptors after 1 run: \(counts[0]), after 1,000: \(counts[1])")
    }
}
