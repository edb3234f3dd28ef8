import CTendSystem
import Glibc

/// A fixed set of worker threads sharing one queue of ready jobs (FIFO) and one heap of delayed jobs,
/// both under one mutex.
///
/// Waking is exact: an idle worker waits on a condition without a timeout, and at most one worker, the
/// timekeeper, waits with a timeout, until the earliest deadline, and only while a delayed job exists.
/// Adding a job wakes at most one thread. So while nothing is ready and nothing is delayed, no thread of
/// the pool wakes at all.
///
/// `@unchecked Sendable`: every stored `var` is read and written only with `monitor` locked.
final class TaskThreadPool: TaskExecutor, @unchecked Sendable {
    private let threadCount: Int
    private let namePrefix: String
    private let monitor = PoolMonitor()
    private var ready = ReadyJobQueue()
    private var delayed = DelayedJobHeap()
    /// Workers waiting on `monitor.idle`.
    private var idleWorkers = 0
    /// Idle workers already signalled but not yet awake; each consumes one when it wakes, so that a
    /// spurious wake-up goes back to waiting and no signal is spent twice.
    private var wakeTokens = 0
    /// Whether a worker is waiting on `monitor.timekeeper` for the earliest deadline.
    private var hasTimekeeper = false
    private var stopping = false

    /// A pool of `threads` workers named `namePrefix-1` ... (a thread name keeps 15 bytes). `start()`
    /// starts them.
    init(threads: Int, namePrefix: String) {
        threadCount = threads
        self.namePrefix = namePrefix
    }

    /// Starts the workers; false when a thread could not be started (the ones started then stop).
    func start() -> Bool {
        for number in 1...threadCount {
            let context = Unmanaged.passRetained(self).toOpaque()
            let failed = tend_tasks_start_thread("\(namePrefix)-\(number)", { context in
                let pool = Unmanaged<TaskThreadPool>.fromOpaque(context!).takeRetainedValue()
                pool.work()
            }, context)
            if failed != 0 {
                Unmanaged<TaskThreadPool>.fromOpaque(context).release()
                shutdown()
                return false
            }
        }
        return true
    }

    /// Makes the workers exit once the ready jobs are done; delayed jobs still waiting are dropped (their
    /// tasks never resume). For tests and failed installs: the global pool is never shut down.
    func shutdown() {
        monitor.lock()
        stopping = true
        monitor.broadcast(monitor.idle)
        monitor.broadcast(monitor.timekeeper)
        monitor.unlock()
    }

    /// Queues a job to run as soon as a worker is free (`deadline` < 0), or once CLOCK_MONOTONIC has
    /// reached `deadline` nanoseconds.
    func enqueue(_ job: PoolJob, deadline: Int64) {
        monitor.lock()
        if deadline < 0 {
            ready.append(job)
            if !wakeIdleWorker(), hasTimekeeper {
                // Every other worker is busy: the timekeeper runs it.
                monitor.signal(monitor.timekeeper)
            }
        } else if delayed.insert(job, deadline: deadline) {
            // A new earliest deadline: the timekeeper must wait less, or someone must start waiting.
            if hasTimekeeper {
                monitor.signal(monitor.timekeeper)
            } else {
                wakeIdleWorker()
            }
        }
        monitor.unlock()
    }

    /// What the pool holds and does right now (for tests).
    func census() -> (idleWorkers: Int, ready: Int, delayed: Int, hasTimekeeper: Bool) {
        monitor.lock()
        defer { monitor.unlock() }
        return (idleWorkers, ready.count, delayed.count, hasTimekeeper)
    }

    /// A job of a task that prefers this pool (`withTaskExecutorPreference`).
    func enqueue(_ job: consuming ExecutorJob) {
        enqueue(.preferring(UnownedJob(job)), deadline: -1)
    }

    /// Signals one idle worker that no earlier signal has claimed; false when there is none.
    @discardableResult
    private func wakeIdleWorker() -> Bool {
        guard idleWorkers > wakeTokens else { return false }
        wakeTokens += 1
        monitor.signal(monitor.idle)
        return true
    }

    /// A worker's life: take the next job and run it, or wait without spinning.
    private func work() {
        monitor.lock()
        while true {
            if !delayed.isEmpty {
                let now = tend_tasks_monotonic_now()
                while let due = delayed.popDue(now: now) { ready.append(due) }
            }
            if let job = ready.popFirst() {
                handOffBeforeRunning()
                monitor.unlock()
                run(job)
                monitor.lock()
                continue
            }
            if stopping { break }
            if let deadline = delayed.earliestDeadline, !hasTimekeeper {
                hasTimekeeper = true
                monitor.wait(monitor.timekeeper, until: deadline)
                hasTimekeeper = false
                continue
            }
            idleWorkers += 1
            while wakeTokens == 0 && !stopping { monitor.wait(monitor.idle) }
            if wakeTokens > 0 { wakeTokens -= 1 }
            idleWorkers -= 1
        }
        monitor.unlock()
    }

    /// Before a worker leaves to run a job: more ready jobs than wakers on their way (jobs that came due
    /// together) get one more worker, and delayed jobs without a timekeeper get one. Each woken worker
    /// does the same, so a batch spreads one signal at a time.
    private func handOffBeforeRunning() {
        if ready.count > wakeTokens {
            wakeIdleWorker()
        }
        if !delayed.isEmpty, !hasTimekeeper {
            wakeIdleWorker()
        }
    }

    private func run(_ job: PoolJob) {
        switch job {
        case .global(let job):
            tend_tasks_run_job(job)
        case .preferring(let job):
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
