/// One process instance the configuration asks for, with everything the planner compares and the runtime
/// needs to launch and supervise it.
public struct DesiredProcess: Hashable, Sendable {
    /// The launch parameters (argv, directory, environment, user, umask, log destinations).
    public var spec: ProcessSpec
    /// The program it is an instance of, and that program's instance count (for "numprocs 4 -> 2").
    public var program: String
    public var numprocs: Int
    public var group: String
    /// The file that declares the program.
    public var file: String
    public var priority: Int
    public var autostart: Bool
    public var lifecycle: LifecycleSpec

    public init(spec: ProcessSpec, program: String, numprocs: Int, group: String, file: String, priority: Int, autostart: Bool, lifecycle: LifecycleSpec) {
        self.spec = spec
        self.program = program
        self.numprocs = numprocs
        self.group = group
        self.file = file
        self.priority = priority
        self.autostart = autostart
        self.lifecycle = lifecycle
    }

    public var name: String { spec.name }
    public var fingerprint: LaunchFingerprint { LaunchFingerprint(spec) }

    /// The settings that differ from `old` and apply without a restart, each as "key old -> new".
    public func inPlaceChanges(from old: DesiredProcess) -> [String] {
        var changes: [String] = []
        func note<T: Equatable>(_ key: String, _ new: T, _ previous: T, _ show: (T) -> String) {
            if new != previous { changes.append("\(key) \(show(previous)) -> \(show(new))") }
        }
        let seconds = { (duration: Duration) in DurationText.seconds(duration) }
        note("numprocs", numprocs, old.numprocs) { String($0) }
        note("priority", priority, old.priority) { String($0) }
        note("autostart", autostart, old.autostart) { String($0) }
        note("startsecs", lifecycle.startSeconds, old.lifecycle.startSeconds, seconds)
        note("startretries", lifecycle.startRetries, old.lifecycle.startRetries) {
            switch $0 { case .limited(let count): return String(count); case .infinite: return "infinite" }
        }
        note("autorestart", lifecycle.autorestart, old.lifecycle.autorestart) { $0.rawValue }
        note("exitcodes", lifecycle.exitCodes, old.lifecycle.exitCodes) { "[" + $0.sorted().map(String.init).joined(separator: ", ") + "]" }
        note("stopsignal", lifecycle.stopSignal, old.lifecycle.stopSignal) { $0.name }
        note("stopwaitsecs", lifecycle.stopWaitSeconds, old.lifecycle.stopWaitSeconds, seconds)
        note("stopasgroup", lifecycle.stopAsGroup, old.lifecycle.stopAsGroup) { String($0) }
        note("killasgroup", lifecycle.killAsGroup, old.lifecycle.killAsGroup) { String($0) }
        note("backoff", lifecycle.backoff, old.lifecycle.backoff) {
            switch $0 {
            case .linear: return "linear"
            case .exponential(let initial, let max, let multiplier): return "\(seconds(initial))..\(seconds(max)) x\(multiplier)"
            }
        }
        note("stdout_logfile rotation", LogRotation(spec.stdout), LogRotation(old.spec.stdout)) { $0.description }
        note("stderr_logfile rotation", LogRotation(spec.stderr), LogRotation(old.spec.stderr)) { $0.description }
        if group != old.group { changes.append("group \(old.group) -> \(group)") }
        return changes
    }
}

/// The size limits of a log destination, which change in place.
private struct LogRotation: Equatable, CustomStringConvertible {
    var maxBytes: Int64
    var backups: Int

    init(_ destination: LogDestination) {
        if case .file(_, let maxBytes, let backups) = destination {
            self.maxBytes = maxBytes
            self.backups = backups
        } else {
            self.maxBytes = 0
            self.backups = 0
        }
    }

    var description: String { "\(maxBytes) bytes x\(backups)" }
}

/// Durations written as a person reads them in reasons and status: "10s", "1.5s", "500ms".
public enum DurationText {
    public static func seconds(_ duration: Duration) -> String {
        let value = duration.seconds
        if value < 1 && value > 0 { return "\(Int((value * 1000).rounded()))ms" }
        if value == value.rounded() { return "\(Int(value))s" }
        return "\(value)s"
    }
}

extension Config {
    /// Every process instance the configuration asks for, by name.
    public var desiredProcesses: [String: DesiredProcess] {
        var processes: [String: DesiredProcess] = [:]
        for program in programs {
            for instance in program.instances {
                processes[instance.name] = DesiredProcess(
                    spec: instance, program: program.name, numprocs: program.numprocs, group: program.groupName,
                    file: program.file, priority: program.priority, autostart: program.autostart, lifecycle: program.lifecycle)
            }
        }
        return processes
    }
}
