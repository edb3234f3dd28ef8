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

    static func plan(
        desired: [DesiredProcess], observed: [ObservedProcess], overrides: [String: OperatorOverride] = [:]
    ) -> [String] {
        Planner.plan(
            desired: Dictionary(uniqueKeysWithValues: desired.map { ($0.name, $0) }),
            observed: Dictionary(uniqueKeysWithValues: observed.map { ($0.name, $0) }),
            overrides: overrides, now: now
        ).actions.map(\.description)
    }
}
