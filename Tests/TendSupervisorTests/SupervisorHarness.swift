import Foundation
import Logging
import Testing
import TendCore
import TendSupervisor
import TendSystem
@_exported import TendTestKit

/// A real supervisor on a scratch configuration directory: it spawns real processes through the process's
/// one reaper. Tests write files, poke the supervisor, and await what its status and events show.
final class SupervisorHarness: @unchecked Sendable {
    let directory: String
    let supervisor: Supervisor
    private let running: Task<Void, Never>
    private let recorder: EventRecorder

    /// Writes `tend.toml` (logs, state and conf.d inside the scratch directory) and `conf.d/app.toml` with
    /// `programs`, then starts a supervisor on it.
    init(programs: String, extraFiles: [String: String] = [:], include: [String]? = nil, watch: Bool = false) async throws {
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("tend-supervisor-XXXXXX").path
        var bytes = Array(template.utf8CString)
        guard mkdtemp(&bytes) != nil else { throw CocoaError(.fileWriteUnknown) }
        directory = String(nulTerminated: bytes)
        let includeLine = include.map { "include = [" + $0.map { "\"\($0)\"" }.joined(separator: ", ") + "]\n" } ?? ""
        try Self.write(directory + "/tend.toml", "[daemon]\nlog_dir = \"logs\"\nstate_dir = \"state\"\n" + includeLine)
        try Self.write(directory + "/conf.d/app.toml", programs)
        for (name, text) in extraFiles { try Self.write(directory + "/" + name, text) }
        supervisor = try await Self.makeSupervisor(directory)
        recorder = EventRecorder()
        let events = await supervisor.events()
        let recorder = self.recorder
        Task { for await event in events { recorder.record(event) } }
        let supervisor = self.supervisor
        if watch {
            let watcher = try await ConfigDirectoryWatcher.start(watching: [.file(directory + "/tend.toml"), .directoryTree(directory + "/conf.d")])
            self.watcher = watcher
            Task { for await _ in watcher.changes { supervisor.configurationMayHaveChanged() } }
        }
        running = Task { await supervisor.run() }
    }

    private var watcher: ConfigDirectoryWatcher?

    static func makeSupervisor(_ directory: String) async throws -> Supervisor {
        let loader = ConfigLoader(fileSystem: LocalConfigFileSystem(), host: .local(), workingDirectory: directory)
        var cache = FragmentCache()
        let loaded = try loader.gather(mainFile: "tend.toml", cache: &cache)
        let daemon = try #require(loaded.main.daemon)
        return try Supervisor(
            settings: .init(mainFile: "tend.toml", workingDirectory: directory, host: .local()),
            initial: loaded, daemon: daemon, logger: Logger(label: "test"))
    }

    /// A test that fails before `finish()` must not leave its processes running: stop them on the way out.
    deinit {
        let supervisor = self.supervisor, watcher = self.watcher
        Task.detached {
            await watcher?.stop()
            await supervisor.shutdown()
        }
    }

    /// Stops every process, waits for the supervisor to finish, and removes the directory.
    func finish() async {
        await watcher?.stop()
        await supervisor.shutdown()
        await running.value
        try? FileManager.default.removeItem(atPath: directory)
    }

    static func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let temporary = path + ".tmp~"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Rewrites a file under the directory and tells the supervisor, as the watcher would.
    func rewrite(_ name: String, _ text: String) throws {
        try Self.write(directory + "/" + name, text)
        supervisor.configurationMayHaveChanged()
    }

    func remove(_ name: String) throws {
        try FileManager.default.removeItem(atPath: directory + "/" + name)
        supervisor.configurationMayHaveChanged()
    }

    func status(_ name: String) async throws -> ProcessStatus {
        try #require(try await supervisor.status([.name(name)]).first)
    }

    func statuses() async throws -> [String: ProcessStatus] {
        Dictionary(uniqueKeysWithValues: try await supervisor.status([.all]).map { ($0.name, $0) })
    }

    /// Waits until `name` is in `state`, failing after `limit`.
    @discardableResult
    func await(_ name: String, _ state: String, within limit: Duration = .seconds(10)) async throws -> ProcessStatus {
        try await eventually("\(name) to be \(state)", within: limit) {
            let current = try? await self.status(name)
            return current?.state == state ? current : nil
        }
    }

    /// The state changes of `name` so far, as (to-state, wall-clock time).
    func transitions(of name: String) -> [(state: String, time: Double)] {
        recorder.events.compactMap { event in
            if case .stateChanged(let process, _, let to, _, _, let time) = event, process == name { return (to, time) }
            return nil
        }
    }

    /// The state changes of `name`, once the recorder has seen it reach `state`.
    func transitions(of name: String, through state: String) async throws -> [(state: String, time: Double)] {
        try await eventually("the event for \(name) reaching \(state)") {
            let seen = self.transitions(of: name)
            return seen.contains { $0.state == state } ? seen : nil
        }
    }

    var allEvents: [SupervisorEvent] { recorder.events }

    /// Whether no event has arrived for `milliseconds`.
    func quietFor(milliseconds: Int) -> Bool {
        recorder.sinceLastEvent >= .milliseconds(milliseconds)
    }

    /// How many reconfigurations the supervisor has applied so far.
    var reloads: Int {
        recorder.events.filter { if case .reloaded = $0 { return true } else { return false } }.count
    }

    /// The content of a log file under the directory, or "" while it does not exist.
    func log(_ name: String) -> String {
        (try? String(contentsOfFile: directory + "/logs/" + name, encoding: .utf8)) ?? ""
    }
}

/// Collects events from the supervisor's stream for later inspection.
final class EventRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [SupervisorEvent] = []
    private var lastArrival = ContinuousClock.now

    func record(_ event: SupervisorEvent) {
        lock.lock(); defer { lock.unlock() }
        recorded.append(event)
        lastArrival = ContinuousClock.now
    }

    /// How long ago the latest event arrived.
    var sinceLastEvent: Duration {
        lock.lock(); defer { lock.unlock() }
        return ContinuousClock.now - lastArrival
    }

    var events: [SupervisorEvent] {
        lock.lock(); defer { lock.unlock() }
        return recorded
    }
}

