import Glibc
import Synchronization
import TendSystem

/// One request and its answer over a fresh connection, with the blocking socket calls on a thread of their
/// own (never on a thread of Swift's cooperative pool): the answer comes back as parts, one at a time, and
/// the thread reads on only once the previous part has been taken, so a slow reader slows the daemon's
/// stream rather than filling memory.
final class ClientExchange: Sendable {
    /// A part of the answer, or how the exchange failed.
    enum Event: Sendable {
        case part(HTTPResponseParser.Part)
        case unreachable(reason: String, cause: UnreachableCause)
        case broken(String)
    }

    private struct Connection {
        var fd: Int32?
        var cancelled = false
    }

    private let connection = Mutex(Connection())
    private let taken = ThreadSemaphore()
    let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation

    /// Starts sending `request` to the socket at `socketPath`.
    init(socketPath: String, request: [UInt8], isHead: Bool, timeout: Duration?) {
        (events, continuation) = AsyncStream.makeStream(of: Event.self)
        let started = DedicatedThread.start { [self] in
            DedicatedThread.nameCurrent("tend-client")
            DedicatedThread.blockSignals()
            run(socketPath: socketPath, request: request, isHead: isHead, timeout: timeout)
            let fd = connection.withLock { connection in
                defer { connection.fd = nil }
                return connection.fd
            }
            if let fd { close(fd) }
            continuation.finish()
        }
        if started != 0 {
            continuation.yield(.unreachable(reason: "cannot start a thread: \(String(cString: strerror(started)))", cause: .clientFailed))
            continuation.finish()
        }
    }

    /// Lets the thread read on after the consumer took a part.
    func acknowledge() {
        taken.post()
    }

    /// Ends the exchange early: the thread stops at its next read and closes the connection.
    func cancel() {
        connection.withLock { connection in
            connection.cancelled = true
            if let fd = connection.fd { shutdown(fd, Int32(SHUT_RDWR)) }
        }
        taken.post()
    }

    private func run(socketPath: String, request: [UInt8], isHead: Bool, timeout: Duration?) {
        let fd: Int32
        do {
            fd = try UnixStreamSocket.connect(to: socketPath, timeout: timeout)
        } catch {
            let timedOut = error.code == EAGAIN && timeout != nil
            let cause: UnreachableCause = timedOut ? .busy : error.code == EACCES ? .denied : .noDaemon
            continuation.yield(.unreachable(reason: timedOut ? "its backlog stayed full for \(timeout!)" : error.reason, cause: cause))
            return
        }
        let proceed = connection.withLock { connection -> Bool in
            connection.fd = fd
            return !connection.cancelled
        }
        guard proceed else { return }
        // A failed write is not the end: the daemon may have answered (and closed) before reading it all.
        var written = 0
        while written < request.count {
            let count = request.withUnsafeBytes { UnixStreamSocket.send(fd, UnsafeRawBufferPointer(rebasing: $0[written...])) }
            if count <= 0 { break }
            written += count
        }
        var parser = HTTPResponseParser(requestWasHead: isHead)
        while !parser.isComplete {
            var bytes: [UInt8] = []
            let count = UnixStreamSocket.receive(fd, appendingTo: &bytes, limit: 64 * 1024)
            let code = errno
            if connection.withLock({ $0.cancelled }) { return }
            let parts: [HTTPResponseParser.Part]
            do {
                if count > 0 {
                    parts = try parser.feed(bytes)
                } else if count == 0 {
                    parts = try parser.finish()
                } else {
                    let timedOut = (code == EAGAIN || code == EWOULDBLOCK) && timeout != nil
                    continuation.yield(.broken(timedOut ? "no answer within \(timeout!)" : String(cString: strerror(code))))
                    return
                }
            } catch {
                continuation.yield(.broken(error.description))
                return
            }
            for part in parts {
                continuation.yield(.part(part))
                taken.wait()
                if connection.withLock({ $0.cancelled }) { return }
            }
            if count == 0 { return }
        }
    }
}
