import Foundation
import Testing
import TendSupervisor

/// The lifecycle with real processes: failed starts, backoff delays, FATAL, restarts and stops.
@Suite struct LifecycleEngineTests {
    @Test func quickExitsBackOffOneThenTwoSecondsThenGoFatal() async throws {
        let harness = try await SupervisorHarness(programs: """
            [program.crash]
            command = "sh -c 'exit 3'"
            startsecs = 1
            startretries = 2
            """)
        let fatal = try await harness.await("crash", "FATAL", within: .seconds(15))
        #expect(fatal.error == "Exited too quickly (process log may have details)")
        let states = try await harness.transitions(of: "crash", through: "FATAL")
        #expect(states.map(\.state) == ["STARTING", "BACKOFF", "STARTING", "BACKOFF", "STARTING", "FATAL"])
        let firstDelay = states[2].time - states[1].time, secondDelay = states[4].time - states[3].time
        // Never early; late only by the time a loaded machine takes to run the timer (seen up to half a second
        // with the whole suite running on two cores), yet never as late as the next step of the backoff.
        #expect(firstDelay > 0.98 && firstDelay < 1.9, "first retry after \(firstDelay)s")
        #expect(secondDelay > 1.98 && secondDelay < 2.9, "second retry after \(secondDelay)s")
        await harness.finish()
    }

    @Test func exponentialBackoffDoublesUpToTheCap() async throws {
        let harness = try await SupervisorHarness(programs: """
            [program.crash]
            command = ["false"]
            startsecs = 1
            startretries = 4
            backoff = { initial = "200ms", max = "1s", multiplier = 3 }
            """)
        try await harness.await("crash", "FATAL")
        let states = try await harness.transitions(of: "crash", through: "FATAL")
        #expect(states.map(\.state) == ["STARTING", "BACKOFF", "STARTING", "BACKOFF", "STARTING", "BACKOFF", "STARTING", "BACKOFF", "STARTING", "FATAL"])
        let delays = stride(from: 1, to: 8, by: 2).map { states[$0 + 1].time - states[$0].time }
        // Never early, and late by less than 0.7 s: enough for a loaded machine, too little to pass with the
        // default initial delay (1 s), without the cap (1.8 s, 5.4 s) or with the default multiplier (0.4 s, early).
        for (delay, expected) in zip(delays, [0.2, 0.6, 1.0, 1.0]) {
            #expect(delay > expected - 0.02 && delay < expected + 0.7, "delays \(delays)")
        }
        await harness.finish()
    }

    @Test(arguments: [
        ("always", 0, true), ("always", 3, true),
        ("unexpected", 0, false), ("unexpected", 3, true),
        ("never", 0, false), ("never", 3, false),
    ])
    func autorestartDecidesWhatFollowsAnExit(mode: String, code: Int, restarts: Bool) async throws {
        // Each run of `job` appends a line to `runs` and exits at once. `metronome` restarts for ever, each
        // run appending to `ticks`: once it has run three more times, the loop has passed often enough that a
        // restart of `job`, which would be immediate, would have happened.
        let harness = try await SupervisorHarness(programs: """
            [program.job]
            command = ["sh", "-c", "echo ran >> runs; exit \(code)"]
            directory = "."
            startsecs = 0
            autorestart = "\(mode)"
            exitcodes = [0]

            [program.metronome]
            command = ["sh", "-c", "echo tick >> ticks"]
            directory = "."
            startsecs = 0
            autorestart = "always"
            """)
        func lines(_ file: String) -> Int {
            (try? String(contentsOfFile: harness.directory + "/conf.d/" + file, encoding: .utf8))?.split(separator: "\n").count ?? 0
        }
        if restarts {
            try await eventually("three runs") { lines("runs") >= 3 ? true : nil }
        } else {
            let exited = try await harness.await("job", "EXITED")
            #expect(exited.lastExit == "exit status \(code)")
            let ticks = lines("ticks")
            try await eventually("three more ticks") { lines("ticks") >= ticks + 3 ? true : nil }
            #expect(lines("runs") == 1)
            #expect(try await harness.status("job").state == "EXITED")
        }
        await harness.finish()
    }

    @Test func aProgramIgnoringSigtermIsKilledAfterStopwaitsecs() async throws {
        let harness = try await SupervisorHarness(programs: """
            [program.stubborn]
            command = ["python3", "-c", "import signal; signal.signal(signal.SIGTERM, signal.SIG_IGN); print('ready', flush=True); signal.pause()"]
            startsecs = 0
            stopwaitsecs = 1
            """)
        try await harness.await("stubborn", "RUNNING")
        try await eventually("the program to ignore SIGTERM") { harness.log("stubborn-stdout.log").contains("ready") ? true : nil }
        let began = ContinuousClock.now
        let results = try await harness.supervisor.stop([.name("stubborn")])
        let took = ContinuousClock.now - began
        #expect(results.map(\.error) == [nil])
        let stopped = try await harness.status("stubborn")
        #expect(stopped.state == "STOPPED")
        #expect(stopped.lastExit == "terminated by SIGKILL")
        #expect(took >= .milliseconds(950) && took < .milliseconds(1800), "stop took \(took)")
        await harness.finish()
    }

    @Test func stopasgroupAlsoStopsAShellsChildren() async throws {
        let harness = try await SupervisorHarness(programs: """
            [program.family]
            command = ["sh", "-c", "sleep 1000 & echo $! > sleeper.pid; wait"]
            directory = "."
            startsecs = 0
            stopasgroup = true
            killasgroup = true
            """)
        try await harness.await("family", "RUNNING")
        let pidFile = harness.directory + "/conf.d/sleeper.pid"
        let sleeper = try await eventually("the shell's child") {
            (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        #expect(processExists(sleeper))
        _ = try await harness.supervisor.stop([.name("family")])
        try await eventually("the shell's child to be gone") { processExists(sleeper) ? nil : true }
        await harness.finish()
    }

    @Test(arguments: [
        (#"command = "/nonexistent/program""#, "cannot execute /nonexistent/program: No such file or directory"),
        (#"command = "sleep 1"\#ndirectory = "/nonexistent/dir""#, "/nonexistent/dir"),
        (#"command = "sleep 1"\#nuser = "no-such-user-tend""#, "no-such-user-tend"),
        (#"command = "/etc/hostname""#, "/etc/hostname"),
    ])
    func spawnErrorsShowInStatusAndCountAsFailedStarts(setting: String, mentions: String) async throws {
        let harness = try await SupervisorHarness(programs: "[program.broken]\n\(setting)\nstartretries = 0\n")
        let fatal = try await harness.await("broken", "FATAL")
        let error = try #require(fatal.error)
        #expect(error.contains(mentions), "error was: \(error)")
        await harness.finish()
    }
}
