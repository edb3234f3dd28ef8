import Synchronization

/// What the routes share with the server's own run: whether the server is closing (streamed responses
/// then end) and the operator's request to shut the daemon down.
final class ServerLifetime: Sendable {
    private let closingFlag = Atomic<Bool>(false)
    /// One element per `POST /v1/shutdown`.
    let shutdownRequests: AsyncStream<Void>
    private let shutdownContinuation: AsyncStream<Void>.Continuation

    init() {
        (shutdownRequests, shutdownContinuation) = AsyncStream.makeStream(of: Void.self)
    }

    /// Whether streamed responses should end now.
    var isClosing: Bool { closingFlag.load(ordering: .acquiring) }

    /// Ends streamed responses at their next step.
    func close() {
        closingFlag.store(true, ordering: .releasing)
    }

    /// Asks the server to call the supervisor's `shutdown()` once the answer has gone out.
    func requestShutdown() {
        shutdownContinuation.yield()
    }
}
