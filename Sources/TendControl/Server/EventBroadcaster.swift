import Synchronization
import TendSupervisor

/// Fans the supervisor's one event stream out to every connected client, numbering events and keeping the
/// latest ones so `tend events` can show what happened recently and `-f` can go on from there without a gap.
final class EventBroadcaster: Sendable {
    private struct State {
        var nextSequence: UInt64 = 1
        var recent: [SequencedEvent] = []
        var subscribers: [Int: AsyncStream<SequencedEvent>.Continuation] = [:]
        var nextSubscriber = 0
        var finished = false
    }

    /// How many past events are kept for replay.
    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// Numbers `event`, keeps it for replay and hands it to every subscriber.
    func publish(_ event: SupervisorEvent) {
        state.withLock { state in
            let sequenced = SequencedEvent(sequence: state.nextSequence, event: event)
            state.nextSequence += 1
            state.recent.append(sequenced)
            if state.recent.count > capacity { state.recent.removeFirst(state.recent.count - capacity) }
            for continuation in state.subscribers.values { continuation.yield(sequenced) }
        }
    }

    /// The kept events and a stream of every later one, taken atomically so none is lost or repeated.
    /// `cancel` ends the stream (when the client hangs up).
    func subscribe() -> (recent: [SequencedEvent], stream: AsyncStream<SequencedEvent>, cancel: @Sendable () -> Void) {
        let (stream, continuation) = AsyncStream.makeStream(of: SequencedEvent.self, bufferingPolicy: .bufferingNewest(4096))
        let (recent, key) = state.withLock { state -> ([SequencedEvent], Int?) in
            guard !state.finished else { return (state.recent, nil) }
            let key = state.nextSubscriber
            state.nextSubscriber += 1
            state.subscribers[key] = continuation
            return (state.recent, key)
        }
        guard let key else {
            continuation.finish()
            return (recent, stream, {})
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: key) }
        }
        return (recent, stream, { continuation.finish() })
    }

    /// The kept events, without subscribing.
    func recentEvents() -> [SequencedEvent] {
        state.withLock { $0.recent }
    }

    /// Ends every subscriber's stream and refuses new ones (the server is closing).
    func finish() {
        let continuations = state.withLock { state in
            state.finished = true
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for continuation in continuations { continuation.finish() }
    }
}
