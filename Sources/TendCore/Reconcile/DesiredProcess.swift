/// One process instance the configuration asks for, with everything the planner compares and the runtime
/// needs to launch and supervise it.
///
/// A value with its fields in one shared, immutable box: the planner copies and compares every process on
/// every pass, and a copy then costs one reference count instead of one per string, array and dictionary
/// inside. Two values made from the same box are equal without looking inside, which is the common case of a
/// running process whose applied settings are the desired ones. The launch fingerprint is computed once.
public struct DesiredProcess: Hashable, Sendable {
    /// The fields, as a plain value.
    private struct Fields: Hashable, Sendable {
        var spec: ProcessSpec
        var program: String
        var numprocs: Int
        var group: String
        var file: String
        var priority: Int
        var autostart: Bool
        var lifecycle: LifecycleSpec
    }

    private final class Storage: Sendable {
        /// First, beside the object header the planner's reference count touches anyway.
        let fingerprint: LaunchFingerprint
        let fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
            self.fingerprint = LaunchFingerprint(fields.spec)
        }
    }

    private var storage: Storage

    public init(spec: ProcessSpec, program: String, numprocs: Int, group: String, file: String, priority: Int, autostart: Bool, lifecycle: LifecycleSpec) {
        storage = Storage(Fields(
            spec: spec, program: program, numprocs: numprocs, group: group, file: file, priority: priority,
            autostart: autostart, lifecycle: lifecycle))
    }

    /// Changes one field in a fresh box (values made from the old box keep it).
    private mutating func change(_ body: (inout Fields) -> Void) {
        var fields = storage.fields
        body(&fields)
        storage = Storage(fields)
    }

    /// The launch parameters (argv, directory, environment, user, umask, log destinations).
    public var spec: ProcessSpec {
        get { storage.fields.spec }
        set { change { $0.spec = newValue } }
    }
    /// The program it is an instance of.
    public var program: String {
        get { storage.fields.program }
        set { change { $0.program = newValue } }
    }
    /// The program's instance count (for "numprocs 4 -> 2").
    public var numprocs: Int {
        get { storage.fields.numprocs }
        set { change { $0.numprocs = newValue } }
    }
    public var group: String {
        get { storage.fields.group }
        set { change { $0.group = newValue } }
    }
    /// The file that declares the program.
    public var file: String {
        get { storage.fields.file }
        set { change { $0.file = newValue } }
    }
    public var priority: Int {
        get { storage.fields.priority }
        set { change { $0.priority = newValue } }
    }
    public var autostart: Bool {
        get { storage.fields.autostart }
        set { change { $0.autostart = newValue } }
    }
    public var lifecycle: LifecycleSpec {
        get { storage.fields.lifecycle }
        set { change { $0.lifecycle = newValue } }
    }

    public var name: String { storage.fields.spec.name }
    /// What the process is launched with; a change of it needs a restart.
    public var fingerprint: LaunchFingerprint { storage.fingerprint }

    /// Whether both values were made from the same box: equal without comparing any field.
    public func isIdentical(to other: DesiredProcess) -> Bool { storage === other.storage }

    public static func == (lhs: DesiredProcess, rhs: DesiredProcess) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

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
