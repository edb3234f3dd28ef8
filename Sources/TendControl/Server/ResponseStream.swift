import Synchronization

/// The bytes of a streamed response on their way from the task producing them to the connection loop that
/// writes them: a bounded buffer, so a client that reads slowly slows the producer instead of filling memory.
final class ResponseStream: Sendable {
    private struct State {
        var pending: [UInt8] = []
        var finished = false
        var closed = false
        var waiter: CheckedContinuation<Void, Never>?
        var closeActions: [@Sendable () -> Void] = []
    }

    /// How many unwritten bytes make the producer wait.
    static let highWater = 256 * 1024

    private let state = Mutex(State())
    /// Tells the connection loop that bytes (or the end) are waiting.
    private let notify: @Sendable () -> Void

    init(notify: @escaping @Sendable () -> Void) {
        self.notify = notify
    }

    /// Queues `bytes` as one chunk; waits while the client is more than `highWater` bytes behind. False
    /// once the connection is gone (the producer should stop).
    func write(_ bytes: [UInt8]) async -> Bool {
        guard !bytes.isEmpty else { return isOpen }
        let mustWait = state.withLock { state -> Bool? in
            guard !state.closed else { return nil }
            state.pending += ChunkedEncoding.chunk(bytes)
            return state.pending.count > Self.highWater
        }
        guard let mustWait else { return false }
        notify()
        if mustWait {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let goOn = state.withLock { state -> Bool in
                    if state.closed || state.pending.count <= Self.highWater { return true }
                    state.waiter = continuation
                    return false
                }
                if goOn { continuation.resume() }
            }
        }
        return isOpen
    }

    /// Ends the body.
    func finish() {
        let first = state.withLock { state -> Bool in
            guard !state.finished else { return false }
            state.finished = true
            return true
        }
        if first { notify() }
    }

    /// Whether the client is still connected.
    var isOpen: Bool { state.withLock { !$0.closed } }

    /// Runs `action` when the connection goes (at once if it has gone already).
    func whenClosed(_ action: @escaping @Sendable () -> Void) {
        let now = state.withLock { state -> Bool in
            if state.closed { return true }
            state.closeActions.append(action)
            return false
        }
        if now { action() }
    }

    /// For the connection loop: the bytes queued so far (chunk-framed, with the final empty chunk once
    /// finished) and whether the body is complete.
    func take() -> (bytes: [UInt8], finished: Bool) {
        let (bytes, finished, waiter) = state.withLock { state in
            defer {
                state.pending = []
                state.waiter = nil
            }
            return (state.pending, state.finished, state.waiter)
        }
        waiter?.resume()
        return (finished ? bytes + ChunkedEncoding.end : bytes, finished)
    }

    /// For the connection loop: the client has gone; the producer stops at its next write.
    func close() {
        let (waiter, actions) = state.withLock { state -> (CheckedContinuation<Void, Never>?, [@Sendable () -> Void]) in
            guard !state.closed else { return (nil, []) }
            state.closed = true
            defer {
                state.waiter = nil
                state.closeActions = []
            }
            return (state.waiter, state.closeActions)
        }
        waiter?.resume()
        for action in actions { action() }
    }
}

/// What a streaming route writes with.
struct ResponseStreamWriter: Sendable {
    let stream: ResponseStream

    /// Sends `bytes`; false once the client has gone.
    @discardableResult
    func write(_ bytes: [UInt8]) async -> Bool {
        await stream.write(bytes)
    }

    /// Whether the client is still connected.
    var isOpen: Bool { stream.isOpen }

    /// Runs `action` when the client hangs up.
    func whenClosed(_ action: @escaping @Sendable () -> Void) {
        stream.whenClosed(action)
    }
}
