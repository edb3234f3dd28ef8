import CTendSystem
import Glibc

/// Unix stream sockets, as the control API's server and client use them: every descriptor close-on-exec,
/// the server's non-blocking, and no write ever raises SIGPIPE.
public enum UnixStreamSocket {
    /// A non-blocking socket listening at `path` (which must not exist yet).
    public static func listen(at path: String, backlog: Int32 = 128) throws(SocketError) -> Int32 {
        let fd = tend_socket_listen_unix(path, backlog)
        guard fd >= 0 else { throw SocketError(operation: "bind \(path)", code: errno) }
        return fd
    }

    /// What one `accept` on a non-blocking listener gave.
    public enum Accepted: Sendable {
        /// A new non-blocking connection.
        case connection(Int32)
        /// No connection is waiting.
        case none
        /// Accepting failed for another reason (`EMFILE` when out of descriptors, say).
        case failed(SocketError)
    }

    /// Accepts one waiting connection.
    public static func accept(from listener: Int32) -> Accepted {
        let fd = tend_socket_accept(listener)
        if fd >= 0 { return .connection(fd) }
        let code = errno
        if code == EAGAIN || code == EWOULDBLOCK || code == ECONNABORTED { return .none }
        return .failed(SocketError(operation: "accept", code: code))
    }

    /// A blocking socket connected to the server listening at `path`; with a `timeout`, connecting and each
    /// read and write give up after that long (`EAGAIN`).
    public static func connect(to path: String, timeout: Duration? = nil) throws(SocketError) -> Int32 {
        let milliseconds = timeout.map { Int32(clamping: max(1, $0.millisecondsRoundedUp)) } ?? 0
        let fd = tend_socket_connect_unix(path, milliseconds)
        guard fd >= 0 else { throw SocketError(operation: "connect", code: errno) }
        return fd
    }

    /// Writes what it can of `bytes`: the count written, or -1 with `errno` set (`EAGAIN` when a
    /// non-blocking socket is full, `EPIPE` when the peer has gone).
    public static func send(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        return tend_socket_send(fd, base, bytes.count)
    }

    /// Reads what has arrived, up to `limit` bytes, onto the end of `bytes`: the count read, 0 at end of
    /// stream, or -1 with `errno` set (`EAGAIN` when a non-blocking socket has nothing yet). Retries EINTR.
    public static func receive(_ fd: Int32, appendingTo bytes: inout [UInt8], limit: Int = 16 * 1024) -> Int {
        withUnsafeTemporaryAllocation(byteCount: limit, alignment: 1) { storage in
            var count: Int
            repeat {
                count = Glibc.read(fd, storage.baseAddress, limit)
            } while count < 0 && errno == EINTR
            if count > 0 { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: storage[..<count])) }
            return count
        }
    }
}
