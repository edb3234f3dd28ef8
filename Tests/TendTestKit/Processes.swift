import Glibc

/// Whether a process with this pid exists (zombies included).
public func processExists(_ pid: Int32) -> Bool {
    kill(pid, 0) == 0 || errno != ESRCH
}
