/// Decides, from the whole desired and observed state, what the runtime must do. Pure and level-triggered:
/// it never asks what happened, only how things stand, so running it twice on the same state gives the
/// same plan, and carrying a plan out leads to a state whose plan is empty.
public enum Planner {
    /// What a pass brings the observed processes towards.
    public enum Target: Sendable {
        /// The table's desired side.
        case desired
        /// No process at all, whatever the table desires: every process stops and is forgotten (shutdown).
        case nothing
    }

    /// The plan that brings the table's observed side towards `target` under the operator's `overrides`.
    ///
    /// One walk over the table's storage: a settled process without an override costs a read of its entry
    /// and nothing more, so a pass over 10,000 running processes touches no box and hashes no name.
    public static func plan(
        _ table: ReconcileTable, towards target: Target = .desired,
        overrides: [String: OperatorOverride], now: MonotonicInstant
    ) -> Plan {
        var actions: [PlannedAction] = []
        var deadline = EarliestDeadline()
        var programs = DesiredPrograms(table, target: target)
        var overridden = OverridesInStorageOrder(overrides, in: table)
        table.entries.withUnsafeBufferPointer { entries in
            for position in entries.indices {
                let override = overridden.take(at: position)
                deadline.note(entries[position].deadline)
                if override == nil && target == .desired && entries[position].isSettled { continue }
                if let action = step(entries[position], towards: target, override: override, programs: &programs) {
                    actions.append(action)
                }
            }
        }
        return Plan(actions: actions.sorted(by: executionOrder), deadline: deadline.instant)
    }

    /// The plan for the processes named in `names` alone: for each of them, the action the whole plan would
    /// hold. A runtime that knows which processes changed since its last pass plans just those, in time
    /// proportional to the change rather than to the table. The deadline is the earliest among the named
    /// processes.
    public static func plan(
        for names: some Sequence<String>, in table: ReconcileTable,
        overrides: [String: OperatorOverride], now: MonotonicInstant
    ) -> Plan {
        var actions: [PlannedAction] = []
        var deadline = EarliestDeadline()
        var programs = DesiredPrograms(table, target: .desired)
        for name in names {
            guard let entry = table.entry(named: name) else { continue }
            deadline.note(entry.deadline)
            if let action = step(entry, towards: .desired, override: overrides[name], programs: &programs) {
                actions.append(action)
            }
        }
        return Plan(actions: actions.sorted(by: executionOrder), deadline: deadline.instant)
    }

    private static func step(
        _ entry: ReconcileTable.Entry, towards target: Target, override: OperatorOverride?, programs: inout DesiredPrograms
    ) -> PlannedAction? {
        let name = entry.name
        switch (target == .desired ? entry.desired : nil, entry.observed) {
        case (let desired?, nil):
            if wantsRunning(desired, override) {
                return PlannedAction(.start, name, reason: "new in \(desired.file)", priority: desired.priority, desired: desired)
            }
            let why = override?.intent == .stopped ? "stopped by operator" : "autostart = false"
            return PlannedAction(.add, name, reason: "new in \(desired.file), \(why)", priority: desired.priority, desired: desired)
        case (nil, let observed?):
            if observed.state == .stopping { return nil }
            let reason = removalReason(observed.applied, programs: &programs)
            if observed.isActive {
                return PlannedAction(.stop, name, reason: reason, priority: observed.applied.priority, desired: nil)
            }
            return PlannedAction(.forget, name, reason: reason, priority: observed.applied.priority, desired: nil)
        case (let desired?, let observed?):
            if override == nil && entry.isSettled { return nil }
            return reconcile(desired, observed, override: override)
        case (nil, nil):
            return nil
        }
    }

    /// "numprocs 4 -> 2" when the program remains with fewer instances, else "removed from FILE".
    private static func removalReason(_ applied: DesiredProcess, programs: inout DesiredPrograms) -> String {
        if let numprocs = programs.numprocs(of: applied.program) {
            return "numprocs \(applied.numprocs) -> \(numprocs)"
        }
        return "removed from \(applied.file)"
    }

    /// Stops (and restarts, forgets) by descending priority, then updates, then starts by ascending priority.
    private static func executionOrder(_ lhs: PlannedAction, _ rhs: PlannedAction) -> Bool {
        func phase(_ action: PlannedAction) -> Int {
            switch action.kind {
            case .stop, .restart, .forget: return 0
            case .update: return 1
            case .add, .start: return 2
            }
        }
        let (left, right) = (phase(lhs), phase(rhs))
        if left != right { return left < right }
        if lhs.priority != rhs.priority { return left == 0 ? lhs.priority > rhs.priority : lhs.priority < rhs.priority }
        return lhs.name < rhs.name
    }
}

/// The earliest of the deadlines noted so far.
private struct EarliestDeadline {
    private(set) var instant: MonotonicInstant?

    mutating func note(_ due: MonotonicInstant?) {
        guard let due else { return }
        if instant.map({ due < $0 }) ?? true { instant = due }
    }
}
