import Foundation
import Synchronization
import Testing
import TendTestKit
@testable import TendSystem
import TendCore

/// A temporary directory holding a main file and a conf.d, removed when the test ends.
final class WatchFixture {
    let root: String
    var confD: String { root + "/conf.d" }
    var mainFile: String { root + "/tend.toml" }
    var targets: [WatchTarget] { [.directoryTree(confD), .file(mainFile)] }

    init() throws {
        var template = Array((NSTemporaryDirectory() + "tend-watch-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw WatchError(operation: "mkdtemp", code: errno) }
        root = String(cString: made)
        try FileManager.default.createDirectory(atPath: confD, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Writes `text` to `relative` (under the root), creating or truncating it in place.
    /// Plain open/write/close, as `echo >` does (Foundation's `Data.write` is far slower here).
    func write(_ relative: String, _ text: String) throws {
        let path = root + "/" + relative
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WatchError(operation: "open", path: path, code: errno) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw WatchError(operation: "write", path: path, code: errno) }
    }

    /// What the watched targets hold now.
    func snapshot() -> ConfigSnapshot {
        let scan = ConfigSnapshotReader().scan(targets)
        #expect(scan.problems.isEmpty)
        return scan.snapshot
    }

    /// Runs a shell command in the root, as a user or a tool would, and expects it to succeed.
    func shell(_ command: String) async throws {
        try await runShell(command, in: root)
    }

    /// The conf.d-relative paths of a diff, shorter to compare.
    func relative(_ paths: [String]) -> [String] {
        paths.map { $0.hasPrefix(root + "/") ? String($0.dropFirst(root.count + 1)) : $0 }
    }
}

/// Counts a watcher's notifications as they arrive, with the instant of each.
final class NotificationRecorder: Sendable {
    private final class Log: Sendable {
        let arrivals = Mutex<[ContinuousClock.Instant]>([])
        let finished = Mutex(false)
    }

    private let log = Log()
    private let consumer: Task<Void, Never>

    init(_ watcher: ConfigDirectoryWatcher) {
        let log = self.log
        consumer = Task {
            for await _ in watcher.changes { log.arrivals.withLock { $0.append(.now) } }
            log.finished.withLock { $0 = true }
        }
    }

    deinit { consumer.cancel() }

    var count: Int { log.arrivals.withLock { $0.count } }
    var times: [ContinuousClock.Instant] { log.arrivals.withLock { $0 } }
    var streamFinished: Bool { log.finished.withLock { $0 } }

    /// Waits until `condition` holds, checking every 2 ms, for at most `limit`; whether it came to hold.
    static func eventually(within limit: Duration, _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while !condition() {
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(2)) // allowed: the polling interval of a wait bounded by a deadline
        }
        return true
    }

    /// Waits for at least `expected` notifications in all, for at most `limit`.
    func await(count expected: Int, within limit: Duration = .seconds(5)) async -> Bool {
        await Self.eventually(within: limit) { count >= expected }
    }

    /// Whether no notification beyond `expected` arrives during `window`.
    func staysAt(_ expected: Int, for window: Duration = .milliseconds(300)) async -> Bool {
        !(await Self.eventually(within: window) { count > expected })
    }

    /// Waits until notifications stop for `window` (or `limit` passes); the number received.
    func settle(quietFor window: Duration = .milliseconds(300), within limit: Duration = .seconds(20)) async -> Int {
        let deadline = ContinuousClock.now + limit
        var seen = count
        while ContinuousClock.now < deadline {
            if await staysAt(seen, for: window) { return seen }
            seen = count
        }
        return count
    }
}

extension ConfigWatchOptions {
    /// Test pacing: a quiet window wide enough for a loaded two-core machine running a few commands, and
    /// no safety timer, so every notification comes from a change.
    static let testing = ConfigWatchOptions(quietWindow: .milliseconds(150), burstCap: .milliseconds(1000), safetyInterval: nil)
}
