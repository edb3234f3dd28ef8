import CTendSystem
import Glibc
import SystemPackage
import TendCore

extension Reaper {
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
}
