/// Hands every supervisor event to every current subscriber (`tend events -f`, the log). A subscriber that
/// stops iterating is dropped; a slow one keeps the newest 1,000 events.
struct EventHub {
    private var subscribers: [UInt64: AsyncStream<SupervisorEvent>.Continuation] = [:]
    private var nextID: UInt64 = 0

    /// A new subscription; `onEnd` is called (from any thread) when the subscriber stops iterating.
    mutating func subscribe(onEnd: @escaping @Sendable (UInt64) -> Void) -> AsyncStream<SupervisorEvent> {
        nextID += 1
        let id = nextID
        let (stream, continuation) = AsyncStream.makeStream(of: SupervisorEvent.self, bufferingPolicy: .bufferingNewest(1000))
        continuation.onTermination = { _ in onEnd(id) }
        subscribers[id] = continuation
        return stream
    }

    mutating func unsubscribe(_ id: UInt64) {
        subscribers.removeValue(forKey: id)
    }

    func publish(_ event: SupervisorEvent) {
        for continuation in subscribers.values { continuation.yield(event) }
    }

    /// Ends every subscription (the daemon is shutting down).
    mutating func finishAll() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }
}
