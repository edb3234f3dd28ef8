import Glibc
import TendSystem

/// The threads of this process as /proc/self/task shows them, for telling which thread runs a task and
/// whether a pool's threads woke.
enum PoolThreads {
    /// The calling thread's name.
    static func currentName() -> String {
        firstLine(of: "/proc/thread-self/comm") ?? ""
    }

    /// Context switches (voluntary and not) summed over the threads whose name starts with `prefix`, how
    /// many such threads there are, and whether all of them are asleep (state S).
    static func switches(ofThreadsNamed prefix: String) -> (threads: Int, switches: Int, asleep: Bool) {
        var threads = 0
        var switches = 0
        var asleep = true
        guard let directory = opendir("/proc/self/task") else { return (0, 0, false) }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let id = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard id.first?.isNumber == true, firstLine(of: "/proc/self/task/\(id)/comm")?.hasPrefix(prefix) == true,
                let status = contents(of: "/proc/self/task/\(id)/status")
            else { continue }
            threads += 1
            for line in status.split(separator: "\n") {
                let value = line.split(separator: ":").last?.trimmingPrefix(while: { $0 == " " || $0 == "\t" }) ?? ""
                if line.contains("ctxt_switches:") { switches += Int(value) ?? 0 }
                if line.hasPrefix("State:") && !value.hasPrefix("S") { asleep = false }
            }
        }
        return (threads, switches, asleep)
    }

    /// Waits until the `count` threads named `prefix...` are all asleep with the same switch count on two
    /// readings a millisecond apart (a thread that has just released the pool's mutex to wait may not be
    /// blocked yet); false if that does not happen within `limit`.
    static func waitUntilAsleep(_ prefix: String, count: Int, within limit: Duration = .seconds(5)) async -> Bool {
        var previous = -1
        return await eventually(within: limit) {
            let now = switches(ofThreadsNamed: prefix)
            defer { previous = now.switches }
            return now.threads == count && now.asleep && now.switches == previous
        }
    }

    static func firstLine(of path: String) -> String? {
        contents(of: path).map { String($0.prefix(while: { $0 != "\n" })) }
    }

    static func contents(of path: String) -> String? {
        try? ProcFile.read(path)
    }

    /// Waits until `condition` holds, checking every millisecond or so; false if it still does not after
    /// `limit`.
    static func eventually(within limit: Duration = .seconds(5), _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while !condition() {
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(1))  // allowed: the polling interval of a wait bounded by a deadline
        }
        return true
    }
}
