import CTendSystem
import Glibc
import Synchronization

/// Swift Concurrency's global executor for tend: a fixed pool of POSIX threads (`tend-task-N`) that runs
/// every job the runtime enqueues globally, delayed ones (`Task.sleep`) included, without libdispatch and
/// without any periodic wake-up: an idle pool is blocked in untimed condition waits and costs nothing.
///
/// It takes over the runtime's three global-enqueue hooks (see tend_tasks.h), and, since Swift 6.3's
/// `Task.sleep` asks the default executor rather than the hooks, also becomes `Task.defaultExecutor`
/// (see `GlobalPoolExecutors`). MainActor jobs, and jobs of actors with custom executors, are not global
/// jobs and do not come here; neither does a `Task.sleep` made on the main actor (the main executor,
/// libdispatch's main queue, schedules that one itself).
public enum GlobalTaskPool {
    /// Online CPUs, and at least 2.
    public static var defaultThreadCount: Int {
        max(2, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// The installed pool, retained for the life of the process (nil until `install` succeeds).
    private static let installed = Atomic<Unmanaged<TaskThreadPool>?>(nil)

    /// Starts `threads` threads (at least 1) and makes them the global executor. Returns false, and leaves
    /// the runtime as it was, when the runtime does not export the hooks, when a hook is set already, or
    /// on a second call. Call once, from main, before any task exists.
    @discardableResult
    public static func install(threads: Int = defaultThreadCount) -> Bool {
        let pool = TaskThreadPool(threads: max(1, threads), namePrefix: "tend-task")
        let reference = Unmanaged.passRetained(pool)
        guard installed.compareExchange(expected: nil, desired: reference, ordering: .acquiringAndReleasing).exchanged
        else {
            discard(pool, reference)
            return false
        }
        guard pool.start(), tend_tasks_install_hooks(enqueueGlobally) == 0 else {
            installed.store(nil, ordering: .releasing)
            discard(pool, reference)
            return false
        }
        #if compiler(>=6.3)
        GlobalPoolExecutors.makeDefault(pool)
        #endif
        return true
    }

    private static func discard(_ pool: TaskThreadPool, _ reference: Unmanaged<TaskThreadPool>) {
        pool.shutdown()
        reference.release()
    }

    /// What the hooks call, on the enqueuing thread, for each global job.
    private static let enqueueGlobally: tend_tasks_enqueue_fn = { job, deadline in
        guard let job, let pool = installed.load(ordering: .acquiring) else {
            fatalError("tend: a global job arrived before the task pool was installed")
        }
        pool.takeUnretainedValue().enqueue(.global(job), deadline: deadline)
    }
}
