/// What the runtime knows of one process: its lifecycle, the desired settings it currently follows, and
/// under which launch and operator generation it was last started.
///
/// Like `DesiredProcess`, a value whose fields live in one immutable box: the planner reads every observed
/// process on every pass, and a copy then costs one reference count. A change makes a new box.
public struct ObservedProcess: Hashable, Sendable {
    /// In the order the planner reads them, so a pass over a settled process touches one cache line.
    private struct Fields: Hashable, Sendable {
        var applied: DesiredProcess
        var activation: Activation?
        var lifecycle: ProcessLifecycle
    }

    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    public init(applied: DesiredProcess, lifecycle: ProcessLifecycle, activation: Activation?) {
        storage = Storage(Fields(applied: applied, activation: activation, lifecycle: lifecycle))
    }

    private mutating func change(_ body: (inout Fields) -> Void) {
        var fields = storage.fields
        body(&fields)
        storage = Storage(fields)
    }

    /// The settings currently applied (the config it was started or last updated with).
    public var applied: DesiredProcess {
        get { storage.fields.applied }
        set { change { $0.applied = newValue } }
    }
    public var lifecycle: ProcessLifecycle {
        get { storage.fields.lifecycle }
        set { change { $0.lifecycle = newValue } }
    }
    /// The launch fingerprint and operator generation of the latest start the planner asked for, or nil
    /// if it was never started.
    public var activation: Activation? {
        get { storage.fields.activation }
        set { change { $0.activation = newValue } }
    }

    public var name: String { storage.fields.applied.name }
    /// The lifecycle's state, read without copying the lifecycle.
    public var state: ProcessState { storage.fields.lifecycle.state }
    /// The lifecycle's deadline, read without copying the lifecycle.
    public var deadline: MonotonicInstant? { storage.fields.lifecycle.deadline }
    /// The operator generation of the latest start, or nil if it was never started.
    public var activationGeneration: UInt64? { storage.fields.activation?.generation }

    /// Whether the process follows `desired` exactly: its applied settings are that very value, and it was
    /// launched (if at all) with that value's fingerprint. Answered from identities alone, so the planner's
    /// common case touches nothing else.
    public func follows(_ desired: DesiredProcess) -> Bool {
        guard storage.fields.applied.isIdentical(to: desired) else { return false }
        guard let activation = storage.fields.activation else { return true }
        return activation.fingerprint.isIdentical(to: desired.fingerprint)
    }

    /// Whether a process exists or is about to (STARTING, RUNNING, BACKOFF, STOPPING, UNKNOWN, or EXITED
    /// with a restart pending), so a stop has something to do.
    public var isActive: Bool {
        switch storage.fields.lifecycle.state {
        case .starting, .running, .backoff, .stopping, .unknown: return true
        case .exited: return storage.fields.lifecycle.deadline != nil
        case .stopped, .fatal: return false
        }
    }

    public static func == (lhs: ObservedProcess, rhs: ObservedProcess) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }
}

/// The circumstances of a start: what it launched and which operator request it answered.
public struct Activation: Hashable, Sendable {
    public var fingerprint: LaunchFingerprint
    public var generation: UInt64

    public init(fingerprint: LaunchFingerprint, generation: UInt64) {
        self.fingerprint = fingerprint
        self.generation = generation
    }
}
