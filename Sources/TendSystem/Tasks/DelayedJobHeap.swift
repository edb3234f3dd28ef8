/// The pool's delayed jobs: a binary min-heap by deadline (CLOCK_MONOTONIC nanoseconds); jobs with equal
/// deadlines come out in the order they went in.
struct DelayedJobHeap {
    private struct Entry {
        let deadline: Int64
        let order: UInt64
        let job: PoolJob

        func precedes(_ other: Entry) -> Bool {
            deadline != other.deadline ? deadline < other.deadline : order < other.order
        }
    }

    private var entries: [Entry] = []
    private var nextOrder: UInt64 = 0

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }
    /// The earliest deadline, nil when no job is delayed.
    var earliestDeadline: Int64? { entries.first?.deadline }

    /// Adds a job; returns whether it is now the earliest (so that whoever waits for the earliest
    /// deadline must look again).
    @discardableResult
    mutating func insert(_ job: PoolJob, deadline: Int64) -> Bool {
        entries.append(Entry(deadline: deadline, order: nextOrder, job: job))
        nextOrder &+= 1
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].precedes(entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
        return child == 0
    }

    /// Removes and returns the earliest job if its deadline is `now` or before.
    mutating func popDue(now: Int64) -> PoolJob? {
        guard let first = entries.first, first.deadline <= now else { return nil }
        let last = entries.removeLast()
        guard !entries.isEmpty else { return first.job }
        entries[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < entries.count, entries[left].precedes(entries[smallest]) { smallest = left }
            if right < entries.count, entries[right].precedes(entries[smallest]) { smallest = right }
            guard smallest != parent else { break }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
        return first.job
    }
}
