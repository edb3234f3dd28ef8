import TendCore
import TendSystem

/// The supervisor's processes: the desired and observed side of each, as the planner reads them, and the
/// handles the runtime holds for each observed one; remembering which processes changed since the planner
/// last looked and which ones have a lifecycle deadline pending.
///
/// Every change goes through the subscript's setter, `removeValue(forKey:)` or `replaceDesired(with:)`, so
/// nothing can change a process without the table noting it: a reconcile pass plans the changed processes
/// alone, and finds the due ones and the next deadline without walking the whole table. At 10,000 programs a
/// pass after one exit then costs microseconds instead of a walk over every process, and a full pass walks
/// `desiredAndObserved` as it is stored, without a copy.
struct ProcessTable {
    /// Both sides of every process, for the planner.
    private(set) var desiredAndObserved = ReconcileTable()
    /// What the runtime holds for each observed process that has anything held.
    private var handles: [String: RuntimeHandles] = [:]
    /// The processes set or removed since the last `takeChanged()`.
    private var changed: Set<String> = []
    /// The lifecycle deadline of every process that has one; most running processes have none.
    private var deadlines: [String: MonotonicInstant] = [:]

    /// The observed process named `name` with its handles; setting it (or nil) changes both.
    subscript(name: String) -> ManagedProcess? {
        get {
            guard let observed = desiredAndObserved.entry(named: name)?.observed else { return nil }
            return ManagedProcess(observed: observed, handles: handles[name])
        }
        set {
            desiredAndObserved.setObserved(newValue?.observed, for: name)
            handles[name] = newValue.flatMap(RuntimeHandles.init)
            changed.insert(name)
            deadlines[name] = newValue?.observed.deadline
        }
    }

    /// Removes the observed process named `name`, returning it; a removal counts as a change.
    @discardableResult
    mutating func removeValue(forKey name: String) -> ManagedProcess? {
        guard let removed = self[name] else { return nil }
        self[name] = nil
        return removed
    }

    /// The names of the observed processes, in no particular order.
    var keys: [String] { desiredAndObserved.compactMap { $0.observed == nil ? nil : $0.name } }
    /// The observed processes, in no particular order.
    var values: [ManagedProcess] {
        desiredAndObserved.compactMap { entry in entry.observed.map { ManagedProcess(observed: $0, handles: handles[entry.name]) } }
    }

    /// What the configuration asks of the process named `name`, or nil when it does not ask for it.
    func desired(_ name: String) -> DesiredProcess? {
        desiredAndObserved.entry(named: name)?.desired
    }

    /// How many processes the configuration asks for.
    var desiredCount: Int { desiredAndObserved.count { $0.desired != nil } }

    /// Makes `desired` the desired side (see `ReconcileTable.replaceDesired(with:)`); the processes whose
    /// desired value changed count as changed. Returns whether any did.
    mutating func replaceDesired(with desired: [String: DesiredProcess]) -> Bool {
        let names = desiredAndObserved.replaceDesired(with: desired)
        changed.formUnion(names)
        return !names.isEmpty
    }

    /// The names of the processes set or removed since the previous call, and forgets them.
    mutating func takeChanged() -> Set<String> {
        defer { changed.removeAll(keepingCapacity: true) }
        return changed
    }

    /// The processes whose deadline has come by `now`, sorted by name so ticks happen in a stable order.
    func dueNames(at now: MonotonicInstant) -> [String] {
        deadlines.compactMap { $0.value <= now ? $0.key : nil }.sorted()
    }

    /// The earliest pending deadline, or nil when nothing is due by time alone.
    var earliestDeadline: MonotonicInstant? {
        deadlines.values.min()
    }
}

/// What the runtime holds for a process beside its observed state. The planner never reads it, so it is
/// kept out of the planner's table.
private struct RuntimeHandles {
    var child: ChildProcess?
    var logStreams: [LogStreamID]
    var startedAtWallClock: Double?

    /// The handles `process` holds, or nil when it holds none.
    init?(_ process: ManagedProcess) {
        guard process.child != nil || !process.logStreams.isEmpty || process.startedAtWallClock != nil else { return nil }
        child = process.child
        logStreams = process.logStreams
        startedAtWallClock = process.startedAtWallClock
    }
}

extension ManagedProcess {
    /// The process observed as `observed`, holding `handles` (nothing when nil).
    fileprivate init(observed: ObservedProcess, handles: RuntimeHandles?) {
        self.init(observed: observed)
        child = handles?.child
        logStreams = handles?.logStreams ?? []
        startedAtWallClock = handles?.startedAtWallClock
    }
}
