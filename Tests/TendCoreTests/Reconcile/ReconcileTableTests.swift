import Testing
@testable import TendCore

/// The table the planner walks: entries stay findable by name while others come and go, an entry lives while
/// either side of it does, and a reload that changes nothing keeps the values the processes follow.
@Suite struct ReconcileTableTests {
    typealias F = Fixture

    @Test func removingAnEntryKeepsEveryOtherFindable() {
        var table = ReconcileTable()
        let names = ["a", "b", "c", "d", "e"]
        for name in names { table.setDesired(F.desired(name), for: name) }
        table.setDesired(nil, for: "b")
        table.setDesired(nil, for: "e")
        table.setDesired(nil, for: "never-there")
        #expect(table.count == 3)
        for name in ["a", "c", "d"] {
            #expect(table.entry(named: name)?.desired?.name == name)
        }
        #expect(table.entry(named: "b") == nil && table.entry(named: "e") == nil)
        #expect(Set(table.map(\.name)) == ["a", "c", "d"])
    }

    @Test func anEntryLivesWhileEitherSideDoes() {
        let web = F.desired("web")
        var table = ReconcileTable(desired: ["web": web], observed: ["web": F.observed(web, .running)])
        table.setDesired(nil, for: "web")
        #expect(table.entry(named: "web")?.observed?.state == .running)
        table.setObserved(nil, for: "web")
        #expect(table.entry(named: "web") == nil)
        #expect(table.isEmpty)
    }

    @Test func replacingTheDesiredSideAppliesADiff() {
        let web = F.desired("web"), db = F.desired("db"), gone = F.desired("gone")
        var table = ReconcileTable(
            desired: ["web": web, "db": db, "gone": gone],
            observed: ["web": F.observed(web, .running), "gone": F.observed(gone, .running)])
        let changed = table.replaceDesired(with: [
            "web": F.desired("web"), "db": F.desired("db", command: ["sleep", "5"]), "api": F.desired("api"),
        ])
        #expect(Set(changed) == ["db", "api", "gone"])
        #expect(table.entry(named: "web")?.desired?.isIdentical(to: web) == true, "an equal value keeps the current one")
        #expect(table.entry(named: "db")?.desired?.spec.argv == ["sleep", "5"])
        #expect(table.entry(named: "gone")?.desired == nil && table.entry(named: "gone")?.observed != nil)
        #expect(Set(table.map(\.name)) == ["web", "db", "api", "gone"])
    }

    @Test func anUnchangedReloadLeavesNothingToDo() {
        let processes = (0..<50).map { F.desired("p\($0)") }
        var table = ReconcileTable(
            desired: Dictionary(uniqueKeysWithValues: processes.map { ($0.name, $0) }),
            observed: Dictionary(uniqueKeysWithValues: processes.map { ($0.name, F.observed($0, .running)) }))
        let fresh = (0..<50).map { F.desired("p\($0)") }
        #expect(table.replaceDesired(with: Dictionary(uniqueKeysWithValues: fresh.map { ($0.name, $0) })).isEmpty)
        #expect(table.allSatisfy { $0.isSettled })
        #expect(Planner.plan(table, overrides: [:], now: F.now).isEmpty)
    }
}
