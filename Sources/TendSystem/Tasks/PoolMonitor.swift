import Glibc

/// A pthread mutex with two condition variables on CLOCK_MONOTONIC: one for idle workers, one for the
/// single worker that waits for the earliest deadline. Allocated once and never freed (the pools live as
/// long as the process, or as long as a test).
struct PoolMonitor: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    /// Idle workers wait here, without a timeout.
    let idle: UnsafeMutablePointer<pthread_cond_t>
    /// The timekeeper waits here, until the earliest deadline.
    let timekeeper: UnsafeMutablePointer<pthread_cond_t>

    init() {
        mutex = .allocate(capacity: 1)
        idle = .allocate(capacity: 1)
        timekeeper = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(idle, &attributes)
        pthread_cond_init(timekeeper, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }

    /// Wakes one waiter of `condition` (never all: no thundering herd).
    func signal(_ condition: UnsafeMutablePointer<pthread_cond_t>) { pthread_cond_signal(condition) }
    func broadcast(_ condition: UnsafeMutablePointer<pthread_cond_t>) { pthread_cond_broadcast(condition) }

    /// Waits on `condition` with the mutex held, without a timeout.
    func wait(_ condition: UnsafeMutablePointer<pthread_cond_t>) { pthread_cond_wait(condition, mutex) }

    /// Waits on `condition` with the mutex held, until CLOCK_MONOTONIC reaches `deadline` nanoseconds.
    func wait(_ condition: UnsafeMutablePointer<pthread_cond_t>, until deadline: Int64) {
        var time = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
        pthread_cond_timedwait(condition, mutex, &time)
    }
}
