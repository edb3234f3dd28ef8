import Glibc

/// The wall clock, read only for what people see (when a process started, when an event happened); every
/// duration the lifecycle measures uses the monotonic clock.
enum WallClock {
    /// Seconds since the Unix epoch.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
