#if canImport(Glibc)
import Glibc
#endif
import CTendSystem
import Synchronization

/// The pump's epoll instance, its eventfd wake-up and the queue of commands for its thread.
///
/// Any thread may send; only the pump thread takes. The descriptors live as long as this object, so a late
/// sender never touches a closed (and possibly reused) descriptor number.
final class LogPumpMailbox: Sendable {
    /// The epoll token of the wake-up eventfd; streams use 1 and up.
    static let wakeToken: UInt64 = 0

    /// The epoll instance watching every pipe read end and the wake-up.
    let epoll: CInt
    /// The eventfd that wakes the pump thread when a command is queued.
    let wake: CInt
    private let state = Mutex(State())

    private struct State {
        var commands: [LogPumpCommand] = []
        var isClosed = false
    }

    init() throws(LogIOError) {
        let epoll = try retryingLogCall("epoll_create1") { tend_io_epoll_create() }
        let wake: CInt
        do throws(LogIOError) {
            wake = try retryingLogCall("eventfd") { tend_io_eventfd_create() }
            _ = try retryingLogCall("epoll_ctl") { tend_io_epoll_add(epoll, wake, UInt32(TEND_POLL_IN), Self.wakeToken) }
        } catch {
            _ = close(epoll)
            throw error
        }
        self.epoll = epoll
        self.wake = wake
    }

    deinit {
        _ = close(wake)
        _ = close(epoll)
    }

    /// Queues a command and wakes the pump; false when the pump has stopped and nothing will take it.
    ///
    /// Only the first command of a batch signals the eventfd: a queue that was not empty has a wake-up pending
    /// already (`take` drains the eventfd before it takes the queue), so a burst of a thousand detaches wakes
    /// the pump once instead of a thousand times.
    @discardableResult
    func send(_ command: LogPumpCommand) -> Bool {
        let (accepted, wasEmpty) = state.withLock { state in
            if state.isClosed { return (false, false) }
            let wasEmpty = state.commands.isEmpty
            state.commands.append(command)
            return (true, wasEmpty)
        }
        if wasEmpty { _ = tend_io_eventfd_signal(wake) }
        return accepted
    }

    /// Registers `readEnd` with epoll and queues its attach command in one step, unless the pump has stopped.
    func attach(
        _ id: LogStreamID, readEnd: CInt, output: LogOutput, onEnd: @escaping @Sendable (LogStreamEnd) -> Void
    ) throws(LogIOError) {
        let epoll = self.epoll
        let result: Result<Bool, LogIOError> = state.withLock { state in
            if state.isClosed { return .failure(LogIOError("attach to a stopped log pump", errno: .badFileDescriptor)) }
            if tend_io_epoll_add(epoll, readEnd, UInt32(TEND_POLL_IN), id.rawValue) != 0 {
                return .failure(LogIOError("epoll_ctl", errno: lastLogErrno))
            }
            let wasEmpty = state.commands.isEmpty
            state.commands.append(.attach(id, readEnd: readEnd, output: output, onEnd: onEnd))
            return .success(wasEmpty)
        }
        if try result.get() { _ = tend_io_eventfd_signal(wake) }
    }

    /// Takes every queued command; after `close` is true, later sends are refused.
    func take(closing: Bool = false) -> [LogPumpCommand] {
        _ = tend_io_eventfd_drain(wake)
        return state.withLock { state in
            if closing { state.isClosed = true }
            defer { state.commands.removeAll() }
            return state.commands
        }
    }
}
