import TendCore

/// The daemon's one source of time for the lifecycle: monotonic, so wall-clock jumps never shorten or
/// stretch a startsecs, a backoff or a stopwaitsecs.
struct MonotonicClock: Sendable {
    private let origin = ContinuousClock.now

    /// Now, as the pure core measures it.
    func now() -> MonotonicInstant {
        instant(ContinuousClock.now)
    }

    /// A clock reading from elsewhere (a child's exit time) in the pure core's terms.
    func instant(_ reading: ContinuousClock.Instant) -> MonotonicInstant {
        MonotonicInstant(sinceOrigin: reading - origin)
    }

    /// The clock reading at which `instant` falls, to sleep until it.
    func reading(at instant: MonotonicInstant) -> ContinuousClock.Instant {
        origin.advanced(by: instant.sinceOrigin)
    }
}
