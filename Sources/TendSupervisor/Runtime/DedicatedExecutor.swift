import Synchronization
import TendSystem

/// A serial executor with a thread of its own, so the reconcile loop runs promptly however busy the
/// cooperative pool is (two threads on a two-core machine: one slow API handler or CPU-bound task there
/// would otherwise delay a restart or a backoff deadline). The thread sleeps on a semaphore when idle, and
/// ends once the executor is gone (every job holds its actor, so by then none is left to run).
final class DedicatedExecutor: SerialExecutor, Sendable {
    private struct Queue {
        var jobs: [UnownedJob] = []
        var closed = false
    }

    /// What the thread shares with the executor. The thread keeps it, not the executor, so that the executor
    /// can go away (a test process makes and drops many supervisors) and tell the thread to end.
    private final class Shared: Sendable {
        let queue = Mutex(Queue())
        /// Posted when a job arrives in an empty queue, and once at the end: the thread drains the whole queue
        /// per wake-up, so one post per batch is enough and no job waits for a post that was never made.
        let arrived = ThreadSemaphore()
    }

    private let shared = Shared()

    /// Starts the executor's thread, named `name` for ps and debuggers.
    init(name: String) {
        let shared = self.shared
        let executor = UnownedSerialExecutor(ordinary: self)
        let result = DedicatedThread.start {
            DedicatedThread.nameCurrent(name)
            Self.runJobs(shared, on: executor)
        }
        precondition(result == 0, "cannot start the \(name) thread: pthread_create returned \(result)")
    }

    deinit {
        shared.queue.withLock { $0.closed = true }
        shared.arrived.post()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let wasEmpty = shared.queue.withLock { queue in
            queue.jobs.append(job)
            return queue.jobs.count == 1
        }
        if wasEmpty { shared.arrived.post() }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    /// The thread's body: runs jobs as they come, until the executor is gone and the queue is empty.
    /// `executor` is used only while a job runs, when the job's actor keeps the executor alive.
    private static func runJobs(_ shared: Shared, on executor: UnownedSerialExecutor) {
        var batch: [UnownedJob] = []
        while true {
            shared.arrived.wait()
            while true {
                let closed = shared.queue.withLock { queue in
                    swap(&queue.jobs, &batch)
                    return queue.closed
                }
                if batch.isEmpty {
                    if closed { return }
                    break
                }
                for job in batch { job.runSynchronously(on: executor) }
                batch.removeAll(keepingCapacity: true)
            }
        }
    }
}
