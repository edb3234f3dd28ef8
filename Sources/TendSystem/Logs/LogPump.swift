import CTendSystem
import Logging
import SystemPackage
import Synchronization

/// Moves every child's stdout and stderr from its pipe into its log output on one dedicated thread.
///
/// The thread sleeps in epoll_wait: an idle pump costs nothing, and a wake-up touches only the pipes that are
/// ready. Regular files get the bytes through one read/write buffer (so the child can refill its pipe while the
/// pump writes) and rotate at their boundary; other outputs are passed through. Call `shutdown()` before
/// dropping the pump.
public final class LogPump: Sendable {
    /// The kernel id of the pump thread (as in /proc/self/task/ID), for diagnostics.
    public let threadID: Int32

    private let mailbox: LogPumpMailbox
    private let counter = Mutex<UInt64>(0)

    /// Starts the pump thread. `budgetPerWake` bounds the bytes moved for one pipe before the next ready pipe
    /// gets its turn; a regular log file is closed once its stream has moved nothing for `idleClose`, and
    /// opened again when bytes arrive.
    public init(
        logger: Logger = Logger(label: "tend.logs"), budgetPerWake: Int = 1 << 20, idleClose: Duration = .seconds(1)
    ) throws(LogIOError) {
        let mailbox = try LogPumpMailbox()
        let started = ThreadSemaphore()
        let reportedID = Mutex<Int32>(0)
        let result = DedicatedThread.start {
            DedicatedThread.nameCurrent("tend-log-pump")
            _ = tend_io_block_signals()
            reportedID.withLock { $0 = tend_io_thread_id() }
            started.post()
            LogPumpLoop(mailbox: mailbox, logger: logger, budgetPerWake: max(1, budgetPerWake), idleClose: idleClose).run()
        }
        guard result == 0 else { throw LogIOError("pthread_create", errno: Errno(rawValue: result)) }
        started.wait()
        self.mailbox = mailbox
        self.threadID = reportedID.withLock { $0 }
    }

    /// Starts reading `readEnd` (a `LogPipe` read end; the pump owns and closes it) into `output`. `onEnd` runs
    /// on the pump thread once, when the stream ends for any reason; keep it short (hand the event over).
    @discardableResult
    public func attach(
        _ readEnd: FileDescriptor, to output: LogOutput, onEnd: @escaping @Sendable (LogStreamEnd) -> Void
    ) throws(LogIOError) -> LogStreamID {
        let id = LogStreamID(rawValue: counter.withLock { $0 += 1; return $0 })
        try mailbox.attach(id, readEnd: readEnd.rawValue, output: output, onEnd: onEnd)
        return id
    }

    /// Writes what the stream's pipe holds right now, then closes it and reports `.detached`, for a stream
    /// whose writers outlive the process the owner cares about.
    public func detach(_ id: LogStreamID) {
        mailbox.send(.detach(id))
    }

    /// Changes a stream's rotation policy without reopening its file (a config reload changed the sizes).
    public func setRotation(_ rotation: LogRotation, for id: LogStreamID) {
        mailbox.send(.setRotation(id, rotation))
    }

    /// Closes and reopens every regular log file at its path, between two transfers, and returns when done:
    /// what SIGUSR2 asks for after logrotate moved the files away.
    public func reopenAll() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let command = LogPumpCommand.reopenAll(done: { done.resume() })
            if !mailbox.send(command) { done.resume() }
        }
    }

    /// A signal each time bytes reach the stream's output (coalesced: a slow consumer sees one pending
    /// signal), finishing when the stream ends; what `tend logs -f` waits on before reading the file again.
    public func growthSignals(of id: LogStreamID) async -> AsyncStream<Void> {
        let (signals, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let observer = counter.withLock { $0 += 1; return $0 }
        let mailbox = self.mailbox
        continuation.onTermination = { _ in mailbox.send(.stopObserving(id, observer: observer)) }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let command = LogPumpCommand.observe(id, observer: observer, continuation, done: { done.resume() })
            if !mailbox.send(command) {
                continuation.finish()
                done.resume()
            }
        }
        return signals
    }

    /// Ends every stream (reported as `.pumpStopped`, their descriptors closed) and stops the thread.
    public func shutdown() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            if !mailbox.send(.stop(done: { done.resume() })) { done.resume() }
        }
    }
}
