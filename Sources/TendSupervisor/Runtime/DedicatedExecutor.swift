import Synchronization
import TendSystem

/// A serial executor with a thread of its own, so the reconcile loop runs promptly however busy the
/// cooperative pool is (two threads on a two-core machine: one slow API handler or CPU-bound task there
/// would otherwise delay a restart or a backoff deadline). The thread sleeps on a semaphore when idle.
final class DedicatedExecutor: SerialExecutor, Sendable {
    private let jobs = Mutex<[UnownedJob]>([])
    /// Posted when a job arrives in an empty queue: the thread drains the whole queue per wake-up, so one
    /// post per batch is enough and no job waits for a post that was never made.
    private let arrived = ThreadSemaphore()

    /// Starts the executor's thread, named `name` for ps and debuggers.
    init(name: String) {
        let result = DedicatedThread.start { [unowned self] in
            DedicatedThread.nameCurrent(name)
            self.runJobs()
        }
        precondition(result == 0, "cannot start the \(name) thread: pthread_create returned \(result)")
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let wasEmpty = jobs.withLock { queue in
            queue.append(job)
            return queue.count == 1
        }
        if wasEmpty { arrived.post() }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    private func runJobs() {
        var batch: [UnownedJob] = []
        while true {
            arrived.wait()
            while true {
                jobs.withLock { queue in swap(&queue, &batch) }
                if batch.isEmpty { break }
                for job in batch { job.runSynchronously(on: asUnownedSerialExecutor()) }
                batch.removeAll(keepingCapacity: true)
            }
        }
    }
}
