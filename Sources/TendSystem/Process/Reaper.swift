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

    private struct Watched {
        let child: ChildProcess
        let onExit: @Sendable (ChildExit) -> Void
    }

    private struct Table {
        var byDescriptor: [Int32: Watched] = [:]
        var descriptorByPID: [pid_t: Int32] = [:]
        var nextSerial: UInt64 = 1
        var orphansReaped = 0
    }

    private let table = Mutex(Table())
    private let epoll: Int32
    private let wakeup: Int32
    private let logger = Logger(label: "tend.reaper")

    private init() {
        epoll = tend_process_epoll_create()
        if epoll < 0 { Reaper.fail("epoll_create1") }
        wakeup = tend_process_eventfd()
        if wakeup < 0 { Reaper.fail("eventfd") }
        if tend_process_epoll_watch(epoll, wakeup) != 0 { Reaper.fail("epoll_ctl") }
        if tend_process_become_subreaper() != 0 { Reaper.fail("prctl(PR_SET_CHILD_SUBREAPER)") }
        if tend_process_install_sigchld_wakeup(wakeup) != 0 { Reaper.fail("sigaction(SIGCHLD)") }
        let started = DedicatedThread.start { [self] in self.run() }
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

    /// Sends `signal` to a child through its pidfd, or with `toGroup` to the process group it leads (for
    /// `stopasgroup` and `killasgroup`). A child that has exited is not signalled, nor is its group.
    @discardableResult
    public func signal(_ child: ChildProcess, _ signal: TendCore.Signal, toGroup: Bool = false) throws(SignalError)
        -> SignalDelivery
    {
        try table.withLock { table throws(SignalError) -> SignalDelivery in
            guard let watched = table.byDescriptor[child.pidfd], watched.child.serial == child.serial else {
                return .alreadyExited
            }
            let syscall = toGroup ? "kill" : "pidfd_send_signal"
            let result: Int32
            if toGroup {
                // Every child leads a group of its own, so this is never the daemon's group; checked anyway,
                // since signalling our own group would stop the supervisor itself.
                guard child.processGroup != getpgrp() else {
                    throw SignalError(syscall: syscall, errno: .notPermitted,
                                      message: "refusing to signal tend's own process group \(child.processGroup)")
                }
                result = kill(-child.processGroup, signal.number)
            } else {
                result = tend_process_pidfd_signal(child.pidfd, signal.number)
            }
            if result == 0 { return .delivered }
            let errno = Errno(rawValue: Glibc.errno)
            if errno == .noSuchProcess { return .alreadyExited }
            throw SignalError(syscall: syscall, errno: errno,
                              message: "cannot send \(signal) to \(toGroup ? "process group" : "pid") \(child.pid): \(errno)")
        }
    }

    /// How many children tend did not start (orphaned descendants) it has reaped so far.
    public var orphansReaped: Int { table.withLock { $0.orphansReaped } }

    /// How many children are started and not yet reaped.
    public var watchedCount: Int { table.withLock { $0.byDescriptor.count } }

    private func run() {
        var ready = [Int32](repeating: 0, count: 64)
        while true {
            let count = ready.withUnsafeMutableBufferPointer {
                tend_process_epoll_wait(epoll, $0.baseAddress, Int32($0.count), -1)
            }
            if count < 0 {
                logger.error("epoll_wait failed", metadata: ["errno": "\(Errno(rawValue: Glibc.errno))"])
                continue
            }
            let exits = table.withLock { table in
                var exits: [(Watched, ChildExit)] = []
                for descriptor in ready.prefix(Int(count)) where descriptor != wakeup {
                    if let exit = reapWatched(descriptor, in: &table) { exits.append(exit) }
                }
                if ready.prefix(Int(count)).contains(wakeup) {
                    tend_process_eventfd_drain(wakeup)
                    exits += sweep(&table)
                }
                return exits
            }
            for (watched, exit) in exits { watched.onExit(exit) }
        }
    }

    /// Reaps the watched child behind `descriptor` if it has exited, and forgets it.
    private func reapWatched(_ descriptor: Int32, in table: inout Table) -> (Watched, ChildExit)? {
        guard let watched = table.byDescriptor[descriptor] else { return nil }
        var ended = tend_process_exit()
        let termination: Termination
        switch tend_process_reap_pidfd(descriptor, &ended) {
        case 1 where ended.signal == 0:
            termination = .exited(code: ended.code)
        case 1:
            termination = .signaled(signal: ended.signal, coreDumped: ended.core_dumped != 0)
        case 0:
            return nil
        default:
            // Someone else reaped it (a waitpid(-1) outside tend): the pidfd would stay readable forever,
            // so the child is forgotten now, its ending unknown.
            logger.error("waitid(P_PIDFD) failed", metadata: [
                "pid": "\(watched.child.pid)", "errno": "\(Errno(rawValue: Glibc.errno))",
            ])
            termination = .unknown
        }
        let time = ContinuousClock.now
        _ = tend_process_epoll_unwatch(epoll, descriptor)
        close(descriptor)
        table.byDescriptor[descriptor] = nil
        table.descriptorByPID[watched.child.pid] = nil
        return (watched, ChildExit(child: watched.child, termination: termination, time: time))
    }

    /// Reaps every exited child: a watched one through its pidfd (its exit is returned), any other one
    /// (an orphan reparented to tend) by pid. Peeking with WNOWAIT first means no watched child's status is
    /// ever consumed by a pid-based wait.
    private func sweep(_ table: inout Table) -> [(Watched, ChildExit)] {
        var exits: [(Watched, ChildExit)] = []
        var pid: pid_t = 0
        while tend_process_peek_exited(&pid) == 1 {
            if let descriptor = table.descriptorByPID[pid] {
                guard let exit = reapWatched(descriptor, in: &table) else { break }
                exits.append(exit)
            } else {
                var ended = tend_process_exit()
                guard tend_process_reap_pid(pid, &ended) == 1 else { break }
                table.orphansReaped += 1
                logger.debug("reaped an orphaned descendant", metadata: ["pid": "\(pid)"])
            }
        }
        return exits
    }
}
