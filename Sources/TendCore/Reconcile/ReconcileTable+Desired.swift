extension ReconcileTable {
    /// A table holding `desired` and `observed`, keyed by process name.
    public init(desired: [String: DesiredProcess], observed: [String: ObservedProcess] = [:]) {
        self.init()
        for (name, value) in desired { setDesired(value, for: name) }
        for (name, value) in observed { setObserved(value, for: name) }
    }

    /// Makes `desired` the whole desired side, as a diff: a process missing from it loses its desired value,
    /// a new or changed one takes its value, and one whose value is equal to the current one keeps the current
    /// value. A reload makes a fresh value for every process and most are unchanged: keeping the value the
    /// observed process follows keeps the pair settled. Returns the names whose desired value changed.
    @discardableResult
    public mutating func replaceDesired(with desired: [String: DesiredProcess]) -> [String] {
        var changed: [String] = []
        let desiredBefore = entries.count { $0.desired != nil }
        var kept = 0
        for (name, value) in desired {
            if let position = position(of: name), let current = entries[position].desired {
                kept += 1
                if current == value { continue }
            }
            setDesired(value, for: name)
            changed.append(name)
        }
        guard kept < desiredBefore else { return changed }
        // Backwards, so the entry a removal moves into a position has been looked at already.
        for position in entries.indices.reversed() where entries[position].desired != nil {
            let name = entries[position].name
            if desired[name] == nil {
                setDesired(nil, for: name)
                changed.append(name)
            }
        }
        return changed
    }
}
