import TendCore

/// The state a planner pass sees once every program runs as configured: each desired process observed
/// RUNNING under the fingerprint it asks for, with no operator override. The plan for it is empty.
enum SteadyState {
    /// Each desired process, started, spawned and past its `startsecs`, as of `now`.
    static func observed(_ desired: [String: DesiredProcess], now: MonotonicInstant) -> [String: ObservedProcess] {
        var observed: [String: ObservedProcess] = [:]
        var pid: Int32 = 1000
        for (name, process) in desired {
            pid += 1
            let spec = process.lifecycle
            let start = MonotonicInstant(sinceOrigin: .zero)
            var lifecycle = ProcessLifecycle().transition(on: .start, spec: spec, now: start).lifecycle
            lifecycle = lifecycle.transition(on: .spawned(pid: pid), spec: spec, now: start).lifecycle
            lifecycle = lifecycle.transition(on: .tick, spec: spec, now: start.advanced(by: spec.startSeconds)).lifecycle
            precondition(lifecycle.state == .running, "\(name) is \(lifecycle.state), not RUNNING")
            observed[name] = ObservedProcess(
                applied: process, lifecycle: lifecycle,
                activation: Activation(fingerprint: process.fingerprint, generation: 0))
        }
        precondition(now >= MonotonicInstant(sinceOrigin: .zero))
        return observed
    }
}
