import Foundation
import Testing
@testable import TendSystem
import TendCore

/// Real files in a temporary directory, a real watcher, and for each way of changing configuration:
/// exactly one notification once the change settles, and the snapshot diff the change should give.
/// Serialized: the overflow test holds the process's one watch thread.
@Suite(.serialized) struct ConfigDirectoryWatcherTests {
    /// Starts a watcher on the fixture's targets, hands it to `body`, and stops it whatever happens.
    private func withWatcher(
        _ fixture: WatchFixture, options: ConfigWatchOptions = .testing,
        _ body: (ConfigDirectoryWatcher, NotificationRecorder) async throws -> Void
    ) async throws {
        let watcher = try await ConfigDirectoryWatcher.start(watching: fixture.targets, options: options)
        let recorder = NotificationRecorder(watcher)
        do {
            try await body(watcher, recorder)
        } catch {
            await watcher.stop()
            throw error
        }
        await watcher.stop()
    }

    /// Applies `change` and expects exactly one more notification; returns what changed on disk.
    private func diffAfterOneNotification(
        _ fixture: WatchFixture, _ recorder: NotificationRecorder, _ change: () async throws -> Void
    ) async throws -> ConfigSnapshotDiff {
        let before = fixture.snapshot()
        let seen = recorder.count
        try await change()
        #expect(await recorder.await(count: seen + 1), "no notification")
        #expect(await recorder.staysAt(seen + 1), "more than one notification")
        return fixture.snapshot().changes(since: before)
    }

    @Test func newFileWrittenWithEcho() async throws {
        let fixture = try WatchFixture()
        try await withWatcher(fixture) { _, recorder in
            let diff = try await diffAfterOneNotification(fixture, recorder) {
                try await fixture.shell("echo '[program.new]' > conf.d/new.toml")
            }
            #expect(fixture.relative(diff.added) == ["conf.d/new.toml"])
            #expect(diff.changed.isEmpty && diff.removed.isEmpty)
        }
    }

    /// The ways editors and tools save a file by writing another one and renaming it over the original.
    @Test(arguments: [
        // vim: probe file 4913, original renamed to a backup, new file written, backup deleted.
        "echo x > conf.d/4913 && rm conf.d/4913 && mv conf.d/a.toml conf.d/a.toml~ && echo 'v = 2' > conf.d/a.toml && rm conf.d/a.toml~",
        "sed -i 's/1/2/' conf.d/a.toml",
        "echo 'v = 2' > conf.d/.a.toml.tmp && mv conf.d/.a.toml.tmp conf.d/a.toml",
    ])
    func saveByRename(command: String) async throws {
        let fixture = try WatchFixture()
        try fixture.write("conf.d/a.toml", "v = 1\n")
        try await withWatcher(fixture) { _, recorder in
            let diff = try await diffAfterOneNotification(fixture, recorder) { try await fixture.shell(command) }
            #expect(diff == ConfigSnapshotDiff(changed: [fixture.confD + "/a.toml"]))
        }
    }

    @Test func removedFile() async throws {
        let fixture = try WatchFixture()
        try fixture.write("conf.d/a.toml", "v = 1\n")
        try fixture.write("conf.d/b.toml", "v = 1\n")
        try await withWatcher(fixture) { _, recorder in
            let diff = try await diffAfterOneNotification(fixture, recorder) { try await fixture.shell("rm conf.d/a.toml") }
            #expect(diff == ConfigSnapshotDiff(removed: [fixture.confD + "/a.toml"]))
        }
    }

    /// `mkdir -p x/y/z && echo > x/y/z/b` races the watches on the new directories: the file can land
    /// before z is watched. The rescan after the watches are added still finds it, and z is watched after.
    @Test func newSubdirectoriesAreWatchedAndTheirFilesFound() async throws {
        let fixture = try WatchFixture()
        try await withWatcher(fixture) { _, recorder in
            let diff = try await diffAfterOneNotification(fixture, recorder) {
                try await fixture.shell("mkdir -p conf.d/x/y/z && echo 'v = 1' > conf.d/x/y/z/b.toml")
            }
            #expect(fixture.relative(diff.added) == ["conf.d/x/y/z/b.toml"])
            let later = try await diffAfterOneNotification(fixture, recorder) {
                try fixture.write("conf.d/x/y/z/c.toml", "v = 1\n")
            }
            #expect(fixture.relative(later.added) == ["conf.d/x/y/z/c.toml"])
        }
    }

    /// A Kubernetes ConfigMap volume: files are links into `..data`, itself a link to a timestamped
    /// directory; an update writes a new directory and swaps `..data` atomically. Only `..data` is named
    /// by events; the rescan through the links sees the new content.
    @Test func configMapDataSwap() async throws {
        let fixture = try WatchFixture()
        try await fixture.shell("""
            cd conf.d && mkdir ..2026_01 && echo 'v = 1' > ..2026_01/a.toml && echo 'w = 1' > ..2026_01/b.toml \
            && ln -s ..2026_01 ..data && ln -s ..data/a.toml a.toml && ln -s ..data/b.toml b.toml
            """)
        try await withWatcher(fixture) { _, recorder in
            let diff = try await diffAfterOneNotification(fixture, recorder) {
                try await fixture.shell("""
                    cd conf.d && mkdir ..2026_02 && echo 'v = 2' > ..2026_02/a.toml && echo 'w = 1' > ..2026_02/b.toml \
                    && ln -s ..2026_02 ..data_tmp && mv -T ..data_tmp ..data && rm -rf ..2026_01
                    """)
            }
            #expect(diff == ConfigSnapshotDiff(changed: [fixture.confD + "/a.toml"]))
        }
    }

    /// A thousand files written as fast as possible: a few notifications, not a thousand, and once they
    /// settle the rescan has every file.
    @Test func burstOfAThousandFiles() async throws {
        let fixture = try WatchFixture()
        try await withWatcher(fixture) { _, recorder in
            let before = fixture.snapshot()
            let began = ContinuousClock.now
            for index in 0..<1000 { try fixture.write("conf.d/p\(index).toml", "[program.p\(index)]\n") }
            let writing = ContinuousClock.now - began
            #expect(await recorder.await(count: 1))
            let notifications = await recorder.settle()
            // One notification per burst cap (300 ms) at most while the writes go on, however slow a loaded
            // machine makes them, plus the final one.
            let bound = Int(writing / .milliseconds(300)) + 3
            #expect(notifications >= 1 && notifications <= bound, "\(notifications) notifications over \(writing)")
            let diff = fixture.snapshot().changes(since: before)
            #expect(diff.added.count == 1000 && diff.changed.isEmpty && diff.removed.isEmpty)
        }
    }

    /// The watch thread is held while more events than the kernel queues are produced: the queue
    /// overflows, the thread sees IN_Q_OVERFLOW, and the consumer is told to rescan everything.
    @Test func queueOverflowLeadsToAFullRescan() async throws {
        let fixture = try WatchFixture()
        let queueLimit = Int(try String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 16384
        try await withWatcher(fixture) { _, recorder in
            let before = fixture.snapshot()
            let overflowsBefore = InotifyEngine.shared.statistics.overflows
            let gate = try WakePipe(nonBlocking: false)
            await withCheckedContinuation { paused in
                try? InotifyEngine.shared.submit(.pause(paused: paused, gate: gate))
            }
            // Each echo-style write queues CREATE and CLOSE_WRITE (MODIFY is not watched).
            let files = queueLimit / 2 + 200
            for index in 0..<files { try fixture.write("conf.d/f\(index).toml", "x") }
            gate.signal()
            #expect(await recorder.await(count: 1))
            _ = await recorder.settle()
            #expect(InotifyEngine.shared.statistics.overflows > overflowsBefore)
            #expect(fixture.snapshot().changes(since: before).added.count == files)
        }
    }

    /// conf.d removed: the removal is notified; while it is missing its parent is watched; recreated:
    /// notified again, and changes inside the new directory are seen.
    @Test func confDRemovedAndRecreated() async throws {
        let fixture = try WatchFixture()
        try fixture.write("conf.d/a.toml", "v = 1\n")
        try await withWatcher(fixture) { _, recorder in
            let removal = try await diffAfterOneNotification(fixture, recorder) { try await fixture.shell("rm -rf conf.d") }
            #expect(fixture.relative(removal.removed) == ["conf.d/a.toml"])
            let recreation = try await diffAfterOneNotification(fixture, recorder) {
                try await fixture.shell("mkdir conf.d && echo 'v = 2' > conf.d/a.toml")
            }
            #expect(fixture.relative(recreation.added) == ["conf.d/a.toml"])
            let later = try await diffAfterOneNotification(fixture, recorder) {
                try fixture.write("conf.d/b.toml", "v = 1\n")
            }
            #expect(fixture.relative(later.added) == ["conf.d/b.toml"])
        }
    }

    /// A log file kept inside conf.d (where a relative stdout_logfile in a conf.d file puts it) is appended to
    /// and closed again and again without a notification; a configuration file beside it still notifies.
    @Test func logWrittenInsideConfDIsNotAChange() async throws {
        let fixture = try WatchFixture()
        try fixture.write("conf.d/a.toml", "v = 1\n")
        try await fixture.shell("mkdir conf.d/logs && echo start > conf.d/logs/web-stdout.log")
        try await withWatcher(fixture) { _, recorder in
            try await fixture.shell("for i in 1 2 3 4 5; do echo line >> conf.d/logs/web-stdout.log; done")
            #expect(await recorder.staysAt(0))
            let diff = try await diffAfterOneNotification(fixture, recorder) {
                try fixture.write("conf.d/a.toml", "v = 2\n")
            }
            #expect(diff == ConfigSnapshotDiff(changed: [fixture.confD + "/a.toml"]))
        }
    }

    /// The main file is watched through its directory: vim's save is one notification, other files in
    /// that directory (the control socket, logs) are none.
    @Test func mainFileSavedByVimButNotItsNeighbours() async throws {
        let fixture = try WatchFixture()
        try fixture.write("tend.toml", "[daemon]\n")
        try await withWatcher(fixture) { _, recorder in
            try await fixture.shell("echo x > tend.sock && echo y > notes.txt && rm tend.sock")
            #expect(await recorder.staysAt(0))
            let diff = try await diffAfterOneNotification(fixture, recorder) {
                try await fixture.shell("echo x > 4913 && rm 4913 && mv tend.toml tend.toml~ && printf '[daemon]\\n#\\n' > tend.toml && rm tend.toml~")
            }
            #expect(diff == ConfigSnapshotDiff(changed: [fixture.mainFile]))
        }
    }

    @Test func safetyTimerNotifiesWithoutAnyChange() async throws {
        let fixture = try WatchFixture()
        let options = ConfigWatchOptions(quietWindow: .milliseconds(40), safetyInterval: .milliseconds(200))
        try await withWatcher(fixture, options: options) { _, recorder in
            #expect(await recorder.await(count: 2, within: .seconds(5)))
        }
    }

    /// Many watchers start and stop in one process; each stop is prompt, finishes the stream, removes
    /// the watches, and nothing is notified afterwards.
    @Test func watchersStartAndStopPromptly() async throws {
        let fixture = try WatchFixture()
        try await fixture.shell("mkdir -p conf.d/sub")
        let clock = ContinuousClock()
        var slowest = Duration.zero
        for _ in 0..<50 {
            let watcher = try await ConfigDirectoryWatcher.start(watching: fixture.targets, options: .testing)
            let recorder = NotificationRecorder(watcher)
            slowest = max(slowest, await clock.measure { await watcher.stop() })
            #expect(await NotificationRecorder.eventually(within: .seconds(2)) { recorder.streamFinished })
        }
        #expect(slowest < .milliseconds(200), "slowest stop took \(slowest)")
        #expect(liveWatchCount(on: [fixture.root, fixture.confD, fixture.confD + "/sub"]) == 0)
    }

    /// The library opens its descriptor without close-on-exec; the watcher sets it, so no child inherits it.
    @Test func inotifyDescriptorIsCloseOnExec() async throws {
        let fixture = try WatchFixture()
        try await withWatcher(fixture) { _, _ in
            let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").compactMap(Int32.init)
            let inotify = descriptors.filter {
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)")) == "anon_inode:inotify"
            }
            #expect(!inotify.isEmpty)
            for descriptor in inotify { #expect(fcntl(descriptor, F_GETFD) & FD_CLOEXEC != 0) }
        }
    }

    /// How long from a file's close to the notification, by default pacing: the quiet window plus a little.
    @Test func latencyFromCloseToNotification() async throws {
        let fixture = try WatchFixture()
        var latencies: [Duration] = []
        try await withWatcher(fixture, options: ConfigWatchOptions(safetyInterval: nil)) { _, recorder in
            for run in 0..<7 {
                let seen = recorder.count
                try fixture.write("conf.d/l.toml", "v = \(run)\n")
                let closed = ContinuousClock.now
                #expect(await recorder.await(count: seen + 1))
                latencies.append(closed.duration(to: recorder.times[seen]))
                #expect(await recorder.staysAt(seen + 1, for: .milliseconds(100)))
            }
        }
        let median = latencies.sorted()[latencies.count / 2]
        print("close -> notification latency: median \(median), all \(latencies.sorted())")
        #expect(median < .milliseconds(120))
    }

    /// Watches the kernel holds for this process, as /proc reports them.
    /// Only those on `directories`: other tests (supervisors that watch their conf.d) run meanwhile in this process.
    private func liveWatchCount(on directories: [String]) -> Int {
        let inodes = Set(directories.compactMap { path -> String? in
            var status = stat()
            return stat(path, &status) == 0 ? String(status.st_ino, radix: 16) : nil
        })
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return descriptors.reduce(0) { total, name in
            guard (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(name)")) == "anon_inode:inotify",
                let info = try? String(contentsOfFile: "/proc/self/fdinfo/\(name)", encoding: .utf8)
            else { return total }
            return total + info.split(separator: "\n").filter { line in
                line.hasPrefix("inotify ") && line.split(separator: " ").contains { $0.hasPrefix("ino:") && inodes.contains(String($0.dropFirst(4))) }
            }.count
        }
    }
}
