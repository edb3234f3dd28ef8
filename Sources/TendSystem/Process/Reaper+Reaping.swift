import CTendSystem
import Glibc
import SystemPackage

extension Reaper {
    /// The reaper thread's loop: wait for pidfds and the SIGCHLD eventfd, reap, then deliver the exits
    /// outside the lock.
    func reapForever() {
        tend_process_name_thread("tend-reaper")
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
