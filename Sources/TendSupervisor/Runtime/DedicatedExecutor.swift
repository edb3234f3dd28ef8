import Foundation
import TendSystem

/// A serial executor with a thread of its own, so the reconcile loop runs promptly however busy the
/// cooperative pool is (two threads on a two-core machine: one slow API handler or CPU-bound task there
/// would otherwise delay a restart or a backoff deadline). The thread sleeps on a condition when idle.
final class DedicatedExecutor: SerialExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    /// Starts the executor's thread, named `name` for ps and debuggers.
    init(name: String) {
        let thread = Thread { [unowned self] in
            DedicatedThread.nameCurrent(name)
            self.runJobs()
        }
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    private func runJobs() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedSerialExecutor()) }
        }
    }
}
