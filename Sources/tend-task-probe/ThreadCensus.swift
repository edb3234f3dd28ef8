import Glibc
import TendSystem

/// The process's threads as /proc/self/task shows them: name and context-switch counts.
struct ThreadCensus {
    struct Thread {
        let id: String
        let name: String
        let voluntarySwitches: Int
        let involuntarySwitches: Int
        /// The scheduler state letter: R running, S sleeping, ...
        let state: Character

        /// Voluntary and involuntary context switches.
        var switches: Int { voluntarySwitches + involuntarySwitches }

        var isPoolThread: Bool { name.hasPrefix("tend-task-") && name.dropFirst(10).allSatisfy(\.isNumber) }
    }

    let threads: [Thread]

    /// Reads every thread of this process now.
    static func take() -> ThreadCensus {
        var threads: [Thread] = []
        guard let directory = opendir("/proc/self/task") else { return ThreadCensus(threads: []) }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let id = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard id.first?.isNumber == true,
                let name = try? ProcFile.read("/proc/self/task/\(id)/comm"),
                let status = try? ProcFile.read("/proc/self/task/\(id)/status")
            else { continue }
            threads.append(Thread(
                id: id,
                name: String(name.drop(while: { $0 == "\n" }).prefix(while: { $0 != "\n" })),
                voluntarySwitches: field("voluntary_ctxt_switches", in: status),
                involuntarySwitches: field("nonvoluntary_ctxt_switches", in: status),
                state: state(in: status)))
        }
        return ThreadCensus(threads: threads)
    }

    /// The pool's threads: `tend-task-N`.
    var pool: [Thread] { threads.filter(\.isPoolThread) }

    /// Waits (polling every millisecond, up to `milliseconds`) until every pool thread has been asleep
    /// with an unchanged switch count for two readings in a row; false if that never happened.
    static func waitUntilPoolSleeps(within milliseconds: Int) -> Bool {
        var previous: [String: Int] = [:]
        for _ in 0..<milliseconds {
            let pool = take().pool
            let counts = Dictionary(uniqueKeysWithValues: pool.map { ($0.id, $0.switches) })
            if !pool.isEmpty, pool.allSatisfy({ $0.state == "S" }), counts == previous { return true }
            previous = counts
            usleep(1_000)  // allowed: the polling interval of a wait bounded by a deadline
        }
        return false
    }

    private static func state(in status: String) -> Character {
        for line in status.split(separator: "\n") where line.hasPrefix("State:") {
            return line.dropFirst(6).first(where: { $0 != " " && $0 != "\t" }) ?? "?"
        }
        return "?"
    }

    private static func field(_ name: String, in status: String) -> Int {
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            return Int(line.dropFirst(name.count + 1).trimmingPrefix(while: { $0 == " " || $0 == "\t" })) ?? -1
        }
        return -1
    }
}
