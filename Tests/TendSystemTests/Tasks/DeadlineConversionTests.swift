import CTendSystem
import Glibc
import Testing

/// What the runtime's enqueue-with-deadline hook hands to the pool: deadlines on the continuous clock
/// (CLOCK_BOOTTIME) and the suspending clock (CLOCK_MONOTONIC), both as CLOCK_MONOTONIC nanoseconds.
@Suite struct DeadlineConversionTests {
    private func now(_ clock: clockid_t) -> (sec: Int, nsec: Int) {
        var time = timespec()
        clock_gettime(clock, &time)
        return (time.tv_sec, time.tv_nsec)
    }

    @Test func suspendingDeadlinesAreAlreadyMonotonic() {
        #expect(tend_tasks_monotonic_deadline(12, 345, 2) == 12_000_000_345)
    }

    @Test func continuousDeadlinesKeepTheirTimeLeft() {
        let boot = now(CLOCK_BOOTTIME)
        let before = tend_tasks_monotonic_now()
        // Half a second from now on CLOCK_BOOTTIME.
        let deadline = tend_tasks_monotonic_deadline(Int64(boot.sec), Int64(boot.nsec) + 500_000_000, 1)
        let after = tend_tasks_monotonic_now()
        #expect(deadline >= before + 500_000_000 - 1_000_000)
        #expect(deadline <= after + 500_000_000)
    }

    @Test func pastContinuousDeadlinesAreDueNow() {
        let before = tend_tasks_monotonic_now()
        let deadline = tend_tasks_monotonic_deadline(0, 0, 1)
        #expect(deadline >= before && deadline <= tend_tasks_monotonic_now())
    }

    @Test func farDeadlinesSaturateAndUnknownClocksAreRefused() {
        #expect(tend_tasks_monotonic_deadline(.max, 0, 2) == .max)
        #expect(tend_tasks_monotonic_deadline(.max, 0, 1) == .max)
        #expect(tend_tasks_monotonic_deadline(1, 0, 3) == -1)
    }
}
