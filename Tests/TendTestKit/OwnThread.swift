import Foundation

/// Runs `body` on a thread of its own and returns what it returns. For test work that blocks (a poll, a read,
/// a wait for a child) or computes for seconds: on a thread of Swift's cooperative pool (two on a two-core
/// machine) it would stall every other test's tasks, their timers and deadlines included, for as long.
public func onThreadOfItsOwn<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { (done: CheckedContinuation<T, any Error>) in
        Thread { done.resume(with: Result { try body() }) }.start()
    }
}

/// Runs `body`, which cannot fail, on a thread of its own and returns what it returns.
public func onThreadOfItsOwn<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { (done: CheckedContinuation<T, Never>) in
        Thread { done.resume(returning: body()) }.start()
    }
}
