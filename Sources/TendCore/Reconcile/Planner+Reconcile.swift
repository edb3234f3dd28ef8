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
}
