/// Each desired program's instance count, gathered from the table on first use: only the reason of a
/// removal asks ("numprocs 4 -> 2" when the program remains), so a pass without removals never gathers it,
/// and a pass with many gathers it once.
struct DesiredPrograms {
    private let table: ReconcileTable
    private let target: Planner.Target
    private var numprocs: [String: Int]?

    init(_ table: ReconcileTable, target: Planner.Target) {
        self.table = table
        self.target = target
    }

    /// The instance count of `program` in the desired state, or nil when the program is not desired at all.
    mutating func numprocs(of program: String) -> Int? {
        guard target == .desired else { return nil }
        if numprocs == nil {
            var counts: [String: Int] = [:]
            for entry in table {
                guard let desired = entry.desired else { continue }
                counts[desired.program] = desired.numprocs
            }
            numprocs = counts
        }
        return numprocs?[program]
    }
}
