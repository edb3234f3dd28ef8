import TendCore

/// The supervisor's processes by name, remembering which ones changed since the planner last looked and
/// which ones have a lifecycle deadline pending.
///
/// Every change goes through the subscript's setter or `removeValue(forKey:)`, so nothing can change a
/// process without the table noting it: a reconcile pass plans the changed processes alone, and finds the
/// due ones and the next deadline without walking the whole table. At 10,000 programs a pass after one
/// exit then costs microseconds instead of a walk over every process.
struct ProcessTable {
    private var entries: [String: ManagedProcess] = [:]
    /// The processes set or removed since the last `takeChanged()`.
    private var changed: Set<String> = []
    /// The lifecycle deadline of every process that has one; most running processes have none.
    private var deadlines: [String: MonotonicInstant] = [:]

    subscript(name: String) -> ManagedProcess? {
        get { entries[name] }
        set {
            entries[name] = newValue
            changed.insert(name)
            deadlines[name] = newValue?.observed.deadline
        }
    }

    /// Removes the process named `name`, returning it; a removal counts as a change.
    @discardableResult
    mutating func removeValue(forKey name: String) -> ManagedProcess? {
        guard let removed = entries.removeValue(forKey: name) else { return nil }
        changed.insert(name)
        deadlines[name] = nil
        return removed
    }

    var keys: Dictionary<String, ManagedProcess>.Keys { entries.keys }
    var values: Dictionary<String, ManagedProcess>.Values { entries.values }

    /// The observed side of every process, for a planner pass over the whole table.
    var observed: [String: ObservedProcess] { entries.mapValues(\.observed) }

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
