import TendSystem

/// Where the process starts: the command line runs as a task on tend's own task pool while the main thread
/// waits for it. `tend daemon` reads its few options itself (see `DaemonCommandLine`).
///
/// Tasks run on `GlobalTaskPool` instead of libdispatch's worker pool: that pool, once started, wakes the
/// process every second to watch its threads, and a daemon with nothing to do must not wake at all. It is
/// installed first, before any task exists.
///
/// The entry point is synchronous on purpose. An `async` main hands the main thread to libdispatch
/// (`dispatch_main`), which leaves it through `pthread_exit`: unwinding the thread's stack reads the binary's
/// unwind tables, half a MiB that then stayed resident in the daemon, and costs every client command the
/// page faults. Nothing in tend runs on the main actor, so the main thread has nothing else to do; and nothing
/// would run a main-actor job now (no one drains the main queue): code that needs the main actor must not be
/// added without a main executor of tend's own.
@main
enum Entry {
    static func main() {
        // Before any other thread exists: with an arena per thread, the daemon's RSS at 1,000 programs varied
        // by up to 0.9 MiB from one start to the next.
        MallocArenas.useOne()
        _ = TaskPool.installed
        let finished = ThreadSemaphore()
        // Detached: a task made here would inherit the main actor's isolation, and with it the main thread.
        Task.detached {
            if let request = DaemonCommandLine.request(from: Array(CommandLine.arguments.dropFirst())) {
                do {
                    try await Tend.Daemon.run(request)
                } catch {
                    Tend.exit(withError: error)
                }
            } else {
                await Tend.runCommandLine()
            }
            finished.post()
        }
        finished.wait()
    }
}
