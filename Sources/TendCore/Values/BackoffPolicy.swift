/// The delay before the next attempt after a failed start.
public enum BackoffPolicy: Hashable, Sendable {
    /// supervisord's rule: after the n-th failure in a row, wait n seconds.
    case linear
    /// Wait `initial`, then multiply by `multiplier` after each further failure, never more than `max`
    /// (`backoff = { initial = 1, max = 60, multiplier = 2 }`).
    case exponential(initial: Duration, max: Duration, multiplier: Double)

    /// The delay after `failures` consecutive failures (1 for the first).
    public func delay(afterFailures failures: Int) -> Duration {
        let count = Swift.max(failures, 1)
        switch self {
        case .linear:
            return .seconds(count)
        case .exponential(let initial, let max, let multiplier):
            let initialSeconds = initial.seconds
            let maxSeconds = max.seconds
            var seconds = initialSeconds
            for _ in 1..<count {
                seconds *= multiplier
                if seconds >= maxSeconds { return max }
            }
            return seconds >= maxSeconds ? max : .seconds(seconds)
        }
    }
}

extension Duration {
    /// The duration as a floating-point number of seconds.
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
