import Testing
@testable import TendCore

/// Small builders for planner tables: desired processes, observed ones in a given state, overrides.
enum Fixture {
    static let now = MonotonicInstant(sinceOrigin: .seconds(1000))

    static func desired(
        _ name: String, program: String? = nil, numprocs: Int = 1, command: [String] = ["sleep", "100"],
        file: String = "conf.d/app.toml", priority: Int = 999, autostart: Bool = true,
        lifecycle: LifecycleSpec = .supervisordDefaults
    ) -> DesiredProcess {
        let spec = ProcessSpec(
            name: name, processNumber: 0, argv: command, directory: nil, environment: [:], user: nil, umask: nil,
            stdout: .file(path: "/logs/\(name)-stdout.log", maxBytes: 50 << 20, backups: 10),
            stderr: .file(path: "/logs/\(name)-stderr.log", maxBytes: 50 << 20, backups: 10))
        return DesiredProcess(
            spec: spec, program: program ?? name, numprocs: numprocs, group: program ?? name, file: file,
            priority: priority, autostart: autostart, lifecycle: lifecycle)
    }

    /// A process following `applied`, in `state`, started under generation `generation` (nil: never started).
    static func observed(_ applied: DesiredProcess, _ state: ProcessState, generation: UInt64? = 0, deadline: MonotonicInstant? = nil) -> ObservedProcess {
        var lifecycle = ProcessLifecycle()
        lifecycle.state = state
        lifecycle.deadline = deadline
        if [.starting, .running, .stopping, .unknown].contains(state) { lifecycle.pid = 4242 }
        let activation = generation.map { Activation(fingerprint: applied.fingerprint, generation: $0) }
        return ObservedProcess(applied: applied, lifecycle: lifecycle, activation: activation)
    }

    /// The whole plan's actions, described. Every call also checks that planning the same names one by
    /// one, as the supervisor does for the processes that changed, gives the same plan.
    static func plan(
        desired: [DesiredProcess], observed: [ObservedProcess], overrides: [String: OperatorOverride] = [:]
    ) -> [String] {
        let desiredTable = Dictionary(uniqueKeysWithValues: desired.map { ($0.name, $0) })
        let observedTable = Dictionary(uniqueKeysWithValues: observed.map { ($0.name, $0) })
        let table = ReconcileTable(desired: desiredTable, observed: observedTable)
        let whole = Planner.plan(table, overrides: overrides, now: now)
        let names = Set(desiredTable.keys).union(observedTable.keys)
        let named = Planner.plan(for: names, in: table, overrides: overrides, now: now)
        #expect(named == whole, "planning the names one by one differs from the whole plan")
        var piecewise = names.sorted().flatMap { name in
            Planner.plan(for: [name], in: table, overrides: overrides, now: now).actions
        }
        piecewise.sort { $0.description < $1.description }
        #expect(piecewise == whole.actions.sorted { $0.description < $1.description }, "a plan for one name differs from its part of the whole")
        return whole.actions.map(\.description)
    }
}
