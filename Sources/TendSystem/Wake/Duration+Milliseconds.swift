extension Duration {
    /// The duration in whole milliseconds, rounded up (0 for a duration of zero or less): what epoll and
    /// socket timeouts take, so a wait never ends before its deadline.
    public var millisecondsRoundedUp: Int64 {
        let (seconds, attoseconds) = components
        guard self > .zero else { return 0 }
        let perMillisecond: Int64 = 1_000_000_000_000_000
        return seconds * 1000 + attoseconds / perMillisecond + (attoseconds % perMillisecond > 0 ? 1 : 0)
    }
}
