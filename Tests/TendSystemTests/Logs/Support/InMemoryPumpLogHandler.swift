import Logging
import Synchronization

/// A swift-log handler that keeps messages in memory, so tests can check what the pump reported.
struct InMemoryPumpLogHandler: LogHandler {
    /// The messages logged so far, with their level.
    final class Store: Sendable {
        private let entries = Mutex<[(Logger.Level, String)]>([])
        func append(_ level: Logger.Level, _ message: String) { entries.withLock { $0.append((level, message)) } }
        var all: [(level: Logger.Level, message: String)] { entries.withLock { $0.map { ($0.0, $0.1) } } }
    }

    let store: Store
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let fields = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        store.append(event.level, ([event.message.description] + fields).joined(separator: " "))
    }
}
