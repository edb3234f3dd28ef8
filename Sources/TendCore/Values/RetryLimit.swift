/// How many failed starts in a row a program may have before it goes FATAL (`startretries`).
public enum RetryLimit: Hashable, Sendable {
    /// At most this many retries after the first failed attempt (supervisord's meaning: 3 allows 4 attempts).
    case limited(Int)
    /// Never give up (`startretries = "infinite"`).
    case infinite

    /// Whether `failures` consecutive failed starts exceed the limit, so the program must go FATAL.
    public func isExceeded(byFailures failures: Int) -> Bool {
        switch self {
        case .limited(let retries): return failures > retries
        case .infinite: return false
        }
    }
}
