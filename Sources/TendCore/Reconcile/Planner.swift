/// Decides, from the whole desired and observed state, what the runtime must do. Pure and level-triggered:
/// it never asks what happened, only how things stand, so running it twice on the same state gives the
/// same plan, and carrying a plan out leads to a state whose plan is empty.
public enum Planner {
    /// The plan that brings `observed` towards `desired` under the operator's `overrides`.
    public static func plan(
        desired: [String: DesiredProcess],
        observed: [String: ObservedProcess],
        overrides: [String: OperatorOverride],
        now: MonotonicInstant
    ) -> Plan {
        var actions: [PlannedAction] = []
        var deadline = EarliestDeadline()
        // Lookups cost a hash of the name each: skip the ones whose answer is known (no overrides at all;
        // every observed process found among the desired ones). Each observed process is read once, its
        // deadline with it, so a pass touches every process's memory once.
        let anyOverride = !overrides.isEmpty
        var observedAndDesired = 0
        for (name, wanted) in desired {
            let seen = observed[name]
            if let seen {
                observedAndDesired += 1
                deadline.note(seen.deadline)
            }
            let override = anyOverride ? overrides[name] : nil
            if let action = step(name, desired: wanted, observed: seen, override: override, allDesired: desired) {
                actions.append(action)
            }
        }
        if observedAndDesired < observed.count {
            for (name, seen) in observed where desired[name] == nil {
                deadline.note(seen.deadline)
                if let action = step(name, desired: nil, observed: seen, override: overrides[name], allDesired: desired) {
                    actions.append(action)
                }
            }
        }
        return Plan(actions: actions.sorted(by: executionOrder), deadline: deadline.instant)
    }

    /// The plan for the processes named in `names` alone: for each of them, the action the whole plan would
    /// hold. A runtime that knows which processes changed since its last pass plans just those, in time
    /// proportional to the change rather than to the table; `observed` looks a process up by name. The
    /// deadline is the earliest among the named processes.
    public static func plan(
        for names: some Sequence<String>,
        desired: [String: DesiredProcess],
        observed: (String) -> ObservedProcess?,
        overrides: [String: OperatorOverride],
        now: MonotonicInstant
    ) -> Plan {
        var actions: [PlannedAction] = []
        var deadline = EarliestDeadline()
        for name in names {
            let seen = observed(name)
            deadline.note(seen?.deadline)
            if let action = step(name, desired: desired[name], observed: seen, override: overrides[name], allDesired: desired) {
                actions.append(action)
            }
        }
        return Plan(actions: actions.sorted(by: executionOrder), deadline: deadline.instant)
    }

    private static func step(
        _ name: String, desired: DesiredProcess?, observed: ObservedProcess?, override: OperatorOverride?,
        allDesired: [String: DesiredProcess]
    ) -> PlannedAction? {
        switch (desired, observed) {
        case (let desired?, nil):
            if wantsRunning(desired, override) {
                return PlannedAction(.start, name, reason: "new in \(desired.file)", priority: desired.priority, desired: desired)
            }
            let why = override?.intent == .stopped ? "stopped by operator" : "autostart = false"
            return PlannedAction(.add, name, reason: "new in \(desired.file), \(why)", priority: desired.priority, desired: desired)
        case (nil, let observed?):
            let reason = removalReason(observed.applied, allDesired: allDesired)
            if observed.state == .stopping { return nil }
            if observed.isActive {
                return PlannedAction(.stop, name, reason: reason, priority: observed.applied.priority, desired: nil)
            }
            return PlannedAction(.forget, name, reason: reason, priority: observed.applied.priority, desired: nil)
        case (let desired?, let observed?):
            return reconcile(desired, observed, override: override)
        case (nil, nil):
            return nil
        }
    }

    private static func reconcile(_ desired: DesiredProcess, _ observed: ObservedProcess, override: OperatorOverride?) -> PlannedAction? {
        let state = observed.state
        if state == .stopping { return nil }
        // The common case, decided from identities: the process follows this very desired value and no
        // operator word applies, so only a first start can be due.
        if override == nil && observed.follows(desired) {
            guard desired.autostart && state == .stopped && observed.activationGeneration == nil else { return nil }
            return PlannedAction(.start, desired.name, reason: "autostart", priority: desired.priority, desired: desired)
        }
        let name = desired.name
        let priority = desired.priority
        // Equality first: describing what changed is only worth its cost when something did.
        let launched = observed.activation?.fingerprint ?? observed.applied.fingerprint
        let fingerprint = desired.fingerprint
        let launchChanges = fingerprint == launched ? [] : fingerprint.changes(from: launched)
        let wanted = wantsRunning(desired, override)
        let operatorAsked = override.map { $0.intent == .started && observed.activation?.generation != $0.generation } ?? false

        if !launchChanges.isEmpty {
            let reason = launchChanges.joined(separator: ", ") + " changed"
            if observed.isActive && wanted {
                return PlannedAction(.restart, name, reason: reason, priority: priority, desired: desired)
            }
            if observed.isActive {
                return PlannedAction(.stop, name, reason: "stopped by operator", priority: priority, desired: nil)
            }
            if wanted {
                return PlannedAction(.start, name, reason: reason, priority: priority, desired: desired)
            }
            return PlannedAction(.update, name, reason: reason, priority: priority, desired: desired)
        }
        if override?.intent == .stopped {
            if observed.isActive {
                return PlannedAction(.stop, name, reason: "stopped by operator", priority: priority, desired: nil)
            }
        } else if operatorAsked {
            let kind: PlannedAction.Kind = observed.isActive ? .restart : .start
            let reason = observed.isActive ? "restarted by operator" : "started by operator"
            return PlannedAction(kind, name, reason: reason, priority: priority, desired: desired)
        } else if wanted && observed.activation == nil && state == .stopped {
            let reason = desired.autostart && !observed.applied.autostart ? "autostart false -> true" : "autostart"
            return PlannedAction(.start, name, reason: reason, priority: priority, desired: desired)
        }
        let settingChanges = desired == observed.applied ? [] : desired.inPlaceChanges(from: observed.applied)
        if !settingChanges.isEmpty {
            return PlannedAction(.update, name, reason: settingChanges.joined(separator: ", "), priority: priority, desired: desired)
        }
        return nil
    }

    /// Whether the process should be running: the operator's word if there is one, else `autostart`.
    static func wantsRunning(_ desired: DesiredProcess, _ override: OperatorOverride?) -> Bool {
        switch override?.intent {
        case .stopped?: return false
        case .started?: return true
        case nil: return desired.autostart
        }
    }

    /// "numprocs 4 -> 2" when the program remains with fewer instances, else "removed from FILE".
    private static func removalReason(_ applied: DesiredProcess, allDesired: [String: DesiredProcess]) -> String {
        if let sibling = allDesired.values.first(where: { $0.program == applied.program }) {
            return "numprocs \(applied.numprocs) -> \(sibling.numprocs)"
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
