@testable import TendCore

/// The manual clock: the instant `seconds` after the origin. Tests use values exact in binary (halves,
/// quarters) so sums of instants and durations compare exactly.
func at(_ seconds: Double) -> MonotonicInstant {
    MonotonicInstant(sinceOrigin: .seconds(seconds))
}

/// Feeds events to one lifecycle record at chosen instants, keeping the latest record.
struct LifecycleDriver {
    var spec: LifecycleSpec
    private(set) var lifecycle: ProcessLifecycle

    init(spec: LifecycleSpec = .supervisordDefaults, lifecycle: ProcessLifecycle = ProcessLifecycle()) {
        self.spec = spec
        self.lifecycle = lifecycle
    }

    @discardableResult
    mutating func send(_ event: LifecycleEvent, at instant: MonotonicInstant) -> LifecycleTransition {
        let transition = lifecycle.transition(on: event, spec: spec, now: instant)
        lifecycle = transition.lifecycle
        return transition
    }

    @discardableResult
    mutating func send(_ event: LifecycleEvent, at seconds: Double) -> LifecycleTransition {
        send(event, at: at(seconds))
    }

    /// Replays `(seconds, event)` steps from a new record.
    static func replay(_ steps: [(Double, LifecycleEvent)], spec: LifecycleSpec = .supervisordDefaults) -> ProcessLifecycle {
        var driver = LifecycleDriver(spec: spec)
        for (seconds, event) in steps { driver.send(event, at: seconds) }
        return driver.lifecycle
    }
}

extension ProcessExit {
    static let failure = ProcessExit.exited(code: 1)
    static let success = ProcessExit.exited(code: 0)
}
