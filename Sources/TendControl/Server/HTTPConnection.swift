import Glibc
import TendSystem

/// One client connection as the connection loop keeps it: the requests arriving, the answer going out.
struct HTTPConnection {
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
    var parser: HTTPRequestParser
    /// Bytes not yet written, from `written` on.
    var output: [UInt8] = []
    var written = 0
    /// When a connection still waiting for its request is given up.
    var readDeadline: ContinuousClock.Instant

    init(fd: Int32, maximumBodySize: Int, readDeadline: ContinuousClock.Instant) {
        self.fd = fd
        self.parser = HTTPRequestParser(maximumBodySize: maximumBodySize)
        self.readDeadline = readDeadline
    }

    /// Bytes waiting to be written.
    var unwritten: Int { output.count - written }

    /// Queues bytes to write.
    mutating func queue(_ bytes: [UInt8]) {
        if written == output.count {
            output = bytes
            written = 0
        } else {
            output += bytes
        }
    }

    /// Writes what the socket takes; false when the client has gone.
    mutating func flush() -> Bool {
        while written < output.count {
            let count = output.withUnsafeBytes { bytes in
                UnixStreamSocket.send(fd, UnsafeRawBufferPointer(rebasing: bytes[written...]))
            }
            if count < 0 {
                return errno == EAGAIN || errno == EWOULDBLOCK
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
        case .reading: readiness.insert(.readable)
        case .streaming: readiness.insert(.peerClosed)
        case .answering, .closing: break
        }
        if unwritten > 0 { readiness.insert(.writable) }
        return readiness
    }
}
