import CTendSystem
import Glibc

/// Starts a detached POSIX thread for a loop that blocks in system calls (the reaper's epoll_wait), which
/// must never occupy one of the few threads of Swift's cooperative pool.
public enum DedicatedThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Names the calling thread (15 bytes at most), as ps, top -H and perf show it.
    public static func nameCurrent(_ name: String) {
        tend_process_name_thread(name)
    }

    /// Blocks every signal in the calling thread, so signals go to the threads that wait for them and a write to
    /// a closed pipe or socket fails with EPIPE here.
    public static func blockSignals() {
        _ = tend_io_block_signals()
    }

    /// Runs `body` on a new detached thread; returns the errno of pthread_create on failure, else 0.
    public static func start(_ body: @escaping @Sendable () -> Void) -> Int32 {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        if result != 0 {
            Unmanaged<Body>.fromOpaque(context).release()
            return result
        }
        pthread_detach(thread)
        return 0
    }
}
