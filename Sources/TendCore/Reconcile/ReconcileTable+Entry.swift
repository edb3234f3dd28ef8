extension ReconcileTable {
    /// One process in a `ReconcileTable`: both sides of it, and a summary of the pair kept inline, so that a
    /// planner pass decides the common settled case without opening either value's box.
    public struct Entry: Sendable {
        public let name: String
        /// What the configuration asks for, or nil when it no longer does.
        public private(set) var desired: DesiredProcess?
        /// What the runtime knows of the process, or nil when it has not taken it in.
        public private(set) var observed: ObservedProcess?
        /// The observed lifecycle's deadline, copied here: a pass reads it for every process.
        private(set) var deadline: MonotonicInstant?
        /// Whether the planner has nothing to do for the pair unless an operator override applies
        /// (`Planner.isSettled`), worked out whenever a side changes.
        private(set) var isSettled = false

        init(name: String) {
            self.name = name
        }

        /// Whether neither side is left, so the entry can go.
        var isEmpty: Bool { desired == nil && observed == nil }

        mutating func setDesired(_ value: DesiredProcess?) {
            desired = value
            isSettled = Planner.isSettled(desired: desired, observed: observed)
        }

        mutating func setObserved(_ value: ObservedProcess?) {
            observed = value
            deadline = value?.deadline
            isSettled = Planner.isSettled(desired: desired, observed: observed)
        }
    }
}
