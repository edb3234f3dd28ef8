import CTendSystem
import Glibc
import Synchronization
import SystemPackage

/// A one-shot alarm on a thread of its own: `arm(after:)` makes `onFire` run once the delay is over, on
/// the alarm's thread; arming again replaces the pending expiry, `disarm()` cancels it.
///
/// A CLOCK_MONOTONIC timerfd rather than `Task.sleep`: a sleeping task goes through libdispatch, whose worker
/// pool, once started, wakes its process every second for as long as it lives. Unarmed, the thread is
/// blocked in poll and costs nothing. `close()` ends the thread. Call `arm`, `disarm` and `close` from one
/// thread at a time (the supervisor's).
public final class DeadlineAlarm: Sendable {
    private let timer: Int32
    private let stop: Int32
    private let closed = Atomic<Bool>(false)

    /// Starts the alarm's thread; throws the errno when a descriptor or the thread cannot be had.
    public init(onFire: @escaping @Sendable () -> Void) throws(Errno) {
        let timer = tend_alarm_create()
        guard timer >= 0 else { throw Errno(rawValue: errno) }
        let stop = tend_io_eventfd_create()
        guard stop >= 0 else {
            let error = Errno(rawValue: errno)
            Glibc.close(timer)
            throw error
        }
        let started = DedicatedThread.start {
            tend_process_name_thread("tend-alarm")
            _ = tend_io_block_signals()
            while tend_alarm_wait(timer, stop) == 1 { onFire() }
            Glibc.close(timer)
            Glibc.close(stop)
        }
        guard started == 0 else {
            Glibc.close(timer)
            Glibc.close(stop)
            throw Errno(rawValue: started)
        }
        self.timer = timer
        self.stop = stop
    }

    /// Fires once `delay` from now (at once for a delay of zero or less), replacing any pending expiry.
    public func arm(after delay: Duration) {
        guard !closed.load(ordering: .acquiring) else { return }
        let (seconds, attoseconds) = delay.components
        let nanoseconds = seconds <= 0 && attoseconds <= 0 ? 1 : max(1, seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        _ = tend_alarm_arm(timer, nanoseconds)
    }

    /// Cancels the pending expiry, if any.
    public func disarm() {
        guard !closed.load(ordering: .acquiring) else { return }
        _ = tend_alarm_arm(timer, 0)
    }

    /// Ends the alarm's thread (which closes the descriptors); the alarm does nothing afterwards.
    public func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        tend_process_eventfd_signal(stop)
    }
}
