#if compiler(>=6.3)
@_spi(ExperimentalScheduling) import _Concurrency
import CTendSystem

/// Where `Task.sleep` goes in Swift 6.3: it no longer calls the runtime's enqueue-with-deadline entry
/// point (and so never reaches the hooks) but asks `Task.currentSchedulingExecutor`, which walks the
/// current actor's executor, the task's preferred executor, the thread's task executor, and finally
/// `Task.defaultExecutor`, for a `SchedulingExecutor` (experimental SPI in 6.3). `GlobalTaskPool.install`
/// makes the pool that default executor, so a sleep lands in the pool's heap rather than in libdispatch.
extension TaskThreadPool: SchedulingExecutor {
    /// Delays `job` until `instant` on `clock`, measured as time left on `clock` now and kept as a
    /// CLOCK_MONOTONIC deadline; `tolerance` is not used (no coalescing).
    ///
    /// The job is queued as a global job: `swift_job_run` on the generic executor also restores the task's
    /// executor preference, so a task that prefers this pool (and found it through that step) stays on it.
    /// A clock whose duration is not `Swift.Duration` (none of the standard library's) runs at once.
    func enqueue<C: Clock>(_ job: consuming ExecutorJob, at instant: C.Instant, tolerance: C.Duration?, clock: C) {
        let unowned = UnownedJob(job)
        let left = clock.now.duration(to: instant) as? Duration ?? .zero
        enqueue(.global(unsafeBitCast(unowned, to: UnsafeMutableRawPointer.self)), deadline: Self.deadline(after: left))
    }

    /// CLOCK_MONOTONIC nanoseconds `left` from now (now for a negative `left`; saturating).
    static func deadline(after left: Duration) -> Int64 {
        let now = tend_tasks_monotonic_now()
        let (seconds, attoseconds) = left.components
        guard seconds >= 0, attoseconds >= 0 else { return now }
        guard seconds < (Int64.max - now) / 1_000_000_000 - 1 else { return Int64.max }
        return now + seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
#endif
