import CTendSystem
import Glibc
import Logging
import Synchronization
import SystemPackage
import TendCore

/// Starts tend's children and reaps them: one per daemon, because what it relies on is process-wide (the
/// SIGCHLD handler, the child-subreaper flag, and the right to reap any child nobody else watches).
///
/// Each child gets a pidfd; one dedicated thread waits on all of them with epoll and reaps with
/// `waitid(P_PIDFD)`, so a reused pid is never mistaken for one of ours, then hands the exit to the callback
/// given at spawn. tend is a child subreaper: orphaned grandchildren are reparented to it, and a SIGCHLD
/// handler wakes the same thread to reap them, never touching a child it watches through a pidfd.
/// Spawning and reaping share one lock, so a child is registered before the sweep can see it.
///
/// Children must be started through the reaper: any other child of the daemon process counts as an orphan.
public final class Reaper: Sendable {
    /// The daemon's reaper, started on first use. Creating it only fails when the process cannot get three
    /// descriptors or a thread, which ends the daemon with a message naming the call.
    public static let shared = Reaper()

    /// A child being watched, with whom to tell when it ends.
    struct Watched {
        let child: ChildProcess
        let onExit: @Sendable (ChildExit) -> Void
    }

    /// The watched children by pidfd and by pid, guarded by one lock that spawning and reaping share.
    struct Table {
        var byDescriptor: [Int32: Watched] = [:]
        var descriptorByPID: [pid_t: Int32] = [:]
        var nextSerial: UInt64 = 1
        var orphansReaped = 0
    }

    let table = Mutex(Table())
    /// The epoll instance watching every child's pidfd and the wake-up eventfd.
    let epoll: Int32
    /// The eventfd the SIGCHLD handler writes to, so that orphans get swept.
    let wakeup: Int32
    let logger = Logger(label: "tend.reaper")

    private init() {
        epoll = tend_process_epoll_create()
        if epoll < 0 { Reaper.fail("epoll_create1") }
        wakeup = tend_process_eventfd()
        if wakeup < 0 { Reaper.fail("eventfd") }
        if tend_process_epoll_watch(epoll, wakeup) != 0 { Reaper.fail("epoll_ctl") }
        if tend_process_become_subreaper() != 0 { Reaper.fail("prctl(PR_SET_CHILD_SUBREAPER)") }
        if tend_spawn_prepare() != 0 { Reaper.fail("tend_spawn_prepare") }
        if tend_process_install_sigchld_wakeup(wakeup) != 0 { Reaper.fail("sigaction(SIGCHLD)") }
        let started = DedicatedThread.start { [self] in self.reapForever() }
        if started != 0 { Reaper.fail("pthread_create", errno: started) }
    }

    private static func fail(_ call: String, errno code: Int32 = Glibc.errno) -> Never {
        fatalError("tend cannot supervise children: \(call) failed: \(Errno(rawValue: code))")
    }

    /// Starts a child and watches it; `onExit` runs on the reaper thread once the child has been reaped, and
    /// should only hand the exit on (yield it to a stream), since every other exit waits for it.
    /// Every failure to start is a `SpawnError`, and then `onExit` is never called.
    public func spawn(
        _ request: SpawnRequest, onExit: @escaping @Sendable (ChildExit) -> Void
    ) throws(SpawnError) -> ChildProcess {
        let launch = try Launch(request)
        return try table.withLock { table throws(SpawnError) -> ChildProcess in
            let (pid, pidfd) = try launch.start()
            let child = ChildProcess(pid: pid, pidfd: pidfd, serial: table.nextSerial)
            table.nextSerial += 1
            if tend_process_epoll_watch(epoll, pidfd) != 0 {
                let errno = Errno(rawValue: Glibc.errno)
                _ = tend_process_pidfd_signal(pidfd, SIGKILL)
                var ended = tend_process_exit()
                _ = tend_process_wait_pidfd(pidfd, &ended)
                close(pidfd)
                throw SpawnError(kind: .other, syscall: "epoll_ctl", errno: errno,
                                 message: "cannot watch \(request.arguments[0]): \(errno)")
            }
            table.byDescriptor[pidfd] = Watched(child: child, onExit: onExit)
            table.descriptorByPID[pid] = pidfd
            return child
        }
    }

    /// How many children tend did not start (orphaned descendants) it has reaped so far.
    public var orphansReaped: Int { table.withLock { $0.orphansReaped } }

    /// How many children are started and not yet reaped.
    public var watchedCount: Int { table.withLock { $0.byDescriptor.count } }
}
