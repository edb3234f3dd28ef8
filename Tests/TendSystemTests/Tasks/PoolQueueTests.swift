import Testing

@testable import TendSystem

/// The pool's two queues on their own: ready jobs first in first out, delayed jobs by deadline.
@Suite struct PoolQueueTests {
    private func job(_ number: Int) -> PoolJob { .global(UnsafeMutableRawPointer(bitPattern: number)!) }

    private func number(_ job: PoolJob?) -> Int? {
        guard case .global(let pointer) = job else { return nil }
        return Int(bitPattern: pointer)
    }

    @Test func readyJobsComeOutInOrderAcrossGrowth() {
        var queue = ReadyJobQueue()
        var next = 1
        var expected = 1
        // Interleave so that the ring wraps before it grows.
        for round in 0..<50 {
            for _ in 0..<(round % 7 + 3) {
                queue.append(job(next))
                next += 1
            }
            for _ in 0..<(round % 5 + 1) {
                #expect(number(queue.popFirst()) == expected)
                expected += 1
            }
        }
        while let popped = queue.popFirst() {
            #expect(number(popped) == expected)
            expected += 1
        }
        #expect(expected == next)
        #expect(queue.isEmpty)
    }

    @Test func delayedJobsComeOutByDeadlineAndEqualDeadlinesInArrivalOrder() {
        var heap = DelayedJobHeap()
        var deadlines: [(deadline: Int64, number: Int)] = []
        var generator = SystemRandomNumberGenerator()
        for number in 1...500 {
            let deadline = Int64.random(in: 0..<60, using: &generator)
            deadlines.append((deadline, number))
            heap.insert(job(number), deadline: deadline)
        }
        // A stable sort gives the expected order: by deadline, ties in insertion order.
        let expected = deadlines.enumerated().sorted {
            $0.element.deadline != $1.element.deadline
                ? $0.element.deadline < $1.element.deadline : $0.offset < $1.offset
        }.map(\.element.number)
        var popped: [Int] = []
        while let next = heap.popDue(now: .max) { popped.append(number(next)!) }
        #expect(popped == expected)
    }

    @Test func onlyDueJobsComeOut() {
        var heap = DelayedJobHeap()
        let firstIsEarliest = heap.insert(job(1), deadline: 300)
        let earlierIsEarliest = heap.insert(job(2), deadline: 100)
        let laterIsEarliest = heap.insert(job(3), deadline: 200)
        #expect(firstIsEarliest && earlierIsEarliest && !laterIsEarliest)
        #expect(heap.earliestDeadline == 100)
        let early = heap.popDue(now: 99)
        #expect(number(early) == nil)
        var due: [Int] = []
        while let next = heap.popDue(now: 250) { due.append(number(next)!) }
        #expect(due == [2, 3])
        #expect(heap.earliestDeadline == 300)
    }
}
