/// The operator overrides of a table's processes in the table's storage order, so that a pass walking the
/// storage meets each override where it applies without looking a name up per process. Overrides of
/// processes the table does not hold are left out: the planner has nothing to do for those.
struct OverridesInStorageOrder {
    private let pending: [(position: Int, override: OperatorOverride)]
    private var next = 0

    init(_ overrides: [String: OperatorOverride], in table: ReconcileTable) {
        pending = overrides.isEmpty ? [] : overrides
            .compactMap { name, override in table.position(of: name).map { (position: $0, override: override) } }
            .sorted { $0.position < $1.position }
    }

    /// The override of the entry at `position`; positions must be asked in increasing order.
    mutating func take(at position: Int) -> OperatorOverride? {
        guard next < pending.count, pending[next].position == position else { return nil }
        defer { next += 1 }
        return pending[next].override
    }
}
