/// The pool's ready jobs, first in first out: a ring buffer that grows by doubling and never shrinks
/// (a few slots per job that was ever waiting at once).
struct ReadyJobQueue {
    private var slots: [PoolJob?] = Array(repeating: nil, count: 16)
    private var head = 0
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    mutating func append(_ job: PoolJob) {
        if count == slots.count { grow() }
        slots[(head + count) & (slots.count - 1)] = job
        count += 1
    }

    mutating func popFirst() -> PoolJob? {
        guard count > 0 else { return nil }
        let job = slots[head]
        slots[head] = nil
        head = (head + 1) & (slots.count - 1)
        count -= 1
        return job
    }

    private mutating func grow() {
        var larger: [PoolJob?] = Array(repeating: nil, count: slots.count * 2)
        for offset in 0..<count { larger[offset] = slots[(head + offset) & (slots.count - 1)] }
        slots = larger
        head = 0
    }
}
