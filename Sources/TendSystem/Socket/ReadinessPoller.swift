import CTendSystem
import Glibc

/// An epoll set with an eventfd that any thread may use to wake its waiter: the heart of a thread that
/// serves many descriptors. Level-triggered. One thread waits and changes the set; `wake()` is safe anywhere.
public final class ReadinessPoller: Sendable {
    /// Readiness of a descriptor, to watch for or as reported.
    public struct Readiness: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// Bytes to read, or a connection to accept.
        public static let readable = Readiness(rawValue: UInt32(TEND_POLL_IN))
        /// Room to write.
        public static let writable = Readiness(rawValue: UInt32(TEND_POLL_OUT))
        /// The peer closed its end (reported whether asked for or not together with `hangUp`).
        public static let peerClosed = Readiness(rawValue: UInt32(TEND_POLL_RDHUP))
        /// An error on the descriptor (always reported).
        public static let error = Readiness(rawValue: UInt32(TEND_POLL_ERR))
        /// Both directions are closed (always reported).
        public static let hangUp = Readiness(rawValue: UInt32(TEND_POLL_HUP))
    }

    /// One ready descriptor: the token it was watched with and what it is ready for.
    public struct Event: Sendable {
        public let token: UInt64
        public let readiness: Readiness
    }

    private let epoll: Int32
    private let wakeFD: Int32
    /// The token of the wake-up eventfd; never reported.
    private static let wakeToken = UInt64.max

    public init() throws(SocketError) {
        epoll = tend_io_epoll_create()
        guard epoll >= 0 else { throw SocketError(operation: "epoll_create1", code: errno) }
        wakeFD = tend_io_eventfd_create()
        guard wakeFD >= 0 else {
            let code = errno
            close(epoll)
            throw SocketError(operation: "eventfd", code: code)
        }
        guard tend_io_epoll_add(epoll, wakeFD, Readiness.readable.rawValue, Self.wakeToken) == 0 else {
            let code = errno
            close(epoll)
            close(wakeFD)
            throw SocketError(operation: "epoll_ctl", code: code)
        }
    }

    deinit {
        close(epoll)
        close(wakeFD)
    }

    /// Starts watching `fd` for `readiness`, reported with `token` (anything but `UInt64.max`).
    public func watch(_ fd: Int32, for readiness: Readiness, token: UInt64) throws(SocketError) {
        guard tend_io_epoll_add(epoll, fd, readiness.rawValue, token) == 0 else { throw SocketError(operation: "epoll_ctl", code: errno) }
    }

    /// Changes what `fd` is watched for.
    public func change(_ fd: Int32, to readiness: Readiness, token: UInt64) throws(SocketError) {
        guard tend_io_epoll_modify(epoll, fd, readiness.rawValue, token) == 0 else { throw SocketError(operation: "epoll_ctl", code: errno) }
    }

    /// Stops watching `fd` (closing it does too).
    public func forget(_ fd: Int32) {
        _ = tend_io_epoll_remove(epoll, fd)
    }

    /// Waits until a descriptor is ready, `wake()` is called, or `timeoutMilliseconds` pass (-1: no
    /// limit); the ready descriptors, empty after a wake-up or a timeout.
    public func wait(timeoutMilliseconds: Int32) -> [Event] {
        let capacity = 64
        var tokens = [UInt64](repeating: 0, count: capacity)
        var bits = [UInt32](repeating: 0, count: capacity)
        let count = tokens.withUnsafeMutableBufferPointer { tokens in
            bits.withUnsafeMutableBufferPointer { bits in
                tend_io_epoll_wait(epoll, tokens.baseAddress, bits.baseAddress, Int32(capacity), timeoutMilliseconds)
            }
        }
        var events: [Event] = []
        for index in 0..<max(Int(count), 0) {
            if tokens[index] == Self.wakeToken {
                _ = tend_io_eventfd_drain(wakeFD)
            } else {
                events.append(Event(token: tokens[index], readiness: Readiness(rawValue: bits[index])))
            }
        }
        return events
    }

    /// Wakes the thread in `wait`, or makes its next `wait` return at once.
    public func wake() {
        _ = tend_io_eventfd_signal(wakeFD)
    }
}
