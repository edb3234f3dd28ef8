import Glibc

/// A POSIX counting semaphore, for a dedicated thread that must block until another thread hands it work
/// (a thread outside Swift's cooperative pool may block; a task may not).
public final class ThreadSemaphore: @unchecked Sendable {
    // sem_t must not move once initialised: it lives in its own allocation.
    private let semaphore: UnsafeMutablePointer<sem_t>

    /// A semaphore whose count starts at zero: the first `wait()` blocks until a `post()`.
    public init() {
        semaphore = .allocate(capacity: 1)
        sem_init(semaphore, 0, 0)
    }

    deinit {
        sem_destroy(semaphore)
        semaphore.deallocate()
    }

    /// Adds one to the count, waking one waiting thread.
    public func post() {
        sem_post(semaphore)
    }

    /// Blocks until the count is above zero, then takes one from it.
    public func wait() {
        while sem_wait(semaphore) != 0 && errno == EINTR {}
    }
}
