import CTendSystem

/// A job waiting in a `TaskThreadPool`, with how it must be run.
enum PoolJob {
    /// A job the runtime enqueued globally, through the hooks.
    ///
    /// Run with `tend_tasks_run_job`, i.e. `swift_job_run` on the generic executor, exactly as the
    /// runtime's own global executor does. The public Swift alternatives set something else up:
    /// `UnownedJob.runSynchronously(on: UnownedTaskExecutor)` would make the pool the thread's current
    /// *task executor*, so that every hop of a task without a task-executor preference would count as a
    /// switch and go through the queue again (and `Task.currentExecutor` would name the pool), and
    /// `runSynchronously(on: UnownedSerialExecutor)` needs a serial executor, which would make unrelated
    /// tasks look isolated to one executor. Swift has no public value for the generic executor.
    case global(UnsafeMutableRawPointer)
    /// A job of a task that prefers this pool as its task executor (`withTaskExecutorPreference`).
    case preferring(UnownedJob)
}
