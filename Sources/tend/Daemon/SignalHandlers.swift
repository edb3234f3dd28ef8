import Dispatch
import Glibc

/// Turns the daemon's signals into calls: each handled signal is ignored by default disposition and
/// delivered to a dispatch source instead, so nothing runs in signal-handler context. Children get default
/// dispositions back from the spawner.
final class SignalHandlers: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "tend.signals")

    /// Calls `handler` on a private queue each time `signal` arrives.
    func on(_ signal: Int32, _ handler: @escaping @Sendable () -> Void) {
        Glibc.signal(signal, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
        source.setEventHandler(handler: handler)
        source.resume()
        sources.append(source)
    }
}
