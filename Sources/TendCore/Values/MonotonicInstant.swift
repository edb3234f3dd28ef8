/// A point on a monotonic clock, as a `Duration` since an arbitrary origin.
///
/// The runtime makes these from `CLOCK_MONOTONIC`; tests build them by hand, which makes them a manual clock.
/// Only differences between instants mean anything, so wall-clock jumps never disturb a deadline.
public struct MonotonicInstant: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// How far this instant lies from the clock's origin.
    public let sinceOrigin: Duration

    /// Makes the instant that lies `sinceOrigin` after the clock's origin.
    public init(sinceOrigin: Duration) {
        self.sinceOrigin = sinceOrigin
    }

    /// The instant `duration` later than this one (earlier when `duration` is negative).
    public func advanced(by duration: Duration) -> MonotonicInstant {
        MonotonicInstant(sinceOrigin: sinceOrigin + duration)
    }

    /// The time that passed from `rhs` to `lhs` (negative when `lhs` is earlier).
    public static func - (lhs: MonotonicInstant, rhs: MonotonicInstant) -> Duration {
        lhs.sinceOrigin - rhs.sinceOrigin
    }

    /// Earlier instants order first.
    public static func < (lhs: MonotonicInstant, rhs: MonotonicInstant) -> Bool {
        lhs.sinceOrigin < rhs.sinceOrigin
    }

    /// The offset from the origin, for logs and test failures.
    public var description: String { "T+\(sinceOrigin)" }
}
