import Glibc
import TendSystem

/// One client connection as the connection loop keeps it: the requests arriving, the answer going out. A class,
/// so the loop changes its buffers in place rather than copying them out of its table and back.
final class HTTPConnection {
    /// Where the exchange stands.
    enum Phase {
        /// Waiting for (the rest of) a request.
        case reading
        /// A request is being answered by a task.
        case answering
        /// A streamed body is being written.
        case streaming(ResponseStream)
        /// The last bytes are going out; then the connection closes.
        case closing
    }

    let fd: Int32
    var phase = Phase.reading
    /// Taken in beyond the server's limits: its request is answered 503 and the connection closed.
    var isRefused = false
    var parser: HTTPRequestParser
    /// Bytes not yet written, from `written` on.
    var output: [UInt8] = []
    var written = 0
    /// When the connection is given up if the client neither sends nor reads anything before: it applies
    /// while the connection waits for a request and while an answer waits to be read (`isTimed`).
    var deadline: ContinuousClock.Instant

    /// How long a client may go without sending (while a request is awaited) or reading (while an answer waits).
    static let inactivityLimit = Duration.seconds(60)

    init(fd: Int32, maximumBodySize: Int) {
        self.fd = fd
        self.parser = HTTPRequestParser(maximumBodySize: maximumBodySize)
        self.deadline = ContinuousClock.now.advanced(by: Self.inactivityLimit)
    }

    /// Pushes the deadline back: the client did something.
    func touch() {
        deadline = ContinuousClock.now.advanced(by: Self.inactivityLimit)
    }

    /// Bytes waiting to be written.
    var unwritten: Int { output.count - written }

    /// Queues bytes to write.
    func queue(_ bytes: [UInt8]) {
        if written == output.count {
            output = bytes
            written = 0
        } else {
            output += bytes
        }
    }

    /// Writes what the socket takes; false when the client has gone.
    func flush() -> Bool {
        if written < output.count { touch() }
        while written < output.count {
            let count = output.withUnsafeBytes { bytes in
                UnixStreamSocket.send(fd, UnsafeRawBufferPointer(rebasing: bytes[written...]))
            }
            if count < 0 {
                let code = errno
                return code == EAGAIN || code == EWOULDBLOCK
            }
            written += count
        }
        output = []
        written = 0
        return true
    }

    /// What the loop watches the socket for in this phase.
    var interest: ReadinessPoller.Readiness {
        var readiness: ReadinessPoller.Readiness = []
        switch phase {
        // The next request is read only once the last answer has gone out: a client that sends and never
        // reads cannot make the daemon hold its answers.
        case .reading: if unwritten == 0 { readiness.insert(.readable) }
        case .streaming: readiness.insert(.peerClosed)
        case .answering, .closing: break
        }
        if unwritten > 0 { readiness.insert(.writable) }
        return readiness
    }
}
