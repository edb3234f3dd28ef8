extension Planner {
    /// Whether the planner has nothing to do for a process when no operator override applies, decided from
    /// identities and the state alone: the process is stopping (it is left to finish), or it follows this very
    /// desired value and no first start is due. A `ReconcileTable` keeps the answer in each entry.
    static func isSettled(desired: DesiredProcess?, observed: ObservedProcess?) -> Bool {
        guard let observed else { return false }
        let state = observed.state
        if state == .stopping { return true }
        guard let desired, observed.follows(desired) else { return false }
        return !(desired.autostart && state == .stopped && observed.activationGeneration == nil)
    }

    /// The action for a process both desired and observed, or nil when it is as it should be.
    static func reconcile(_ desired: DesiredProcess, _ observed: ObservedProcess, override: OperatorOverride?) -> PlannedAction? {
        let state = observed.state
        if state == .stopping { return nil }
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
}
