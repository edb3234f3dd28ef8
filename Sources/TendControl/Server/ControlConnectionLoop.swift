import Glibc
import Logging
import Synchronization
import TendSupervisor
import TendSystem

/// The control server's one I/O thread: it accepts connections on the listening socket, reads their
/// requests, hands each request to a task, and writes the answers (and streamed bodies) that come back.
///
/// Only this thread touches the connections; tasks talk to it through a mailbox and a wake-up. It sleeps
/// in epoll with no timeout while no connection is waiting for a request, so an idle daemon never wakes.
final class ControlConnectionLoop: Sendable {
    /// Answers one request.
    typealias Responder = @Sendable (HTTPRequest) async -> ControlResponse

    /// How many connections beyond the limits are taken in only to be answered 503.
    static let refusedConnections = 32
    /// How long a stopping server lets answers under way finish.
    static let stopGrace = Duration.seconds(2)

    private enum Message: Sendable {
        case answer(UInt64, HTTPResponseHead, [UInt8], keepAlive: Bool, omitBody: Bool)
        case beginStream(UInt64, HTTPResponseHead, ResponseStream)
        case streamReady(UInt64)
    }

    private struct Mailbox {
        var messages: [Message] = []
        var stopping = false
    }

    private static let listenerToken: UInt64 = 0
    private static let continueBytes = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    private let poller: ReadinessPoller
    private let listener: Int32
    private let maximumBodySize: Int
    /// How many connections are served at once, and how many answers may be under way at once (a client that
    /// hangs up does not stop its answer's task); beyond either, a new connection gets a 503 and is closed.
    private let maximumConnections: Int
    private let responder: Responder
    private let logger: Logger
    private let mailbox = Mutex(Mailbox())
    private let date = HTTPDateHeader()
    private let (ended, endedContinuation) = AsyncStream.makeStream(of: Void.self)

    /// A loop for the listening socket `listener`, which it owns and closes.
    init(
        listener: Int32, maximumBodySize: Int, maximumConnections: Int, logger: Logger, responder: @escaping Responder
    ) throws(SocketError) {
        self.poller = try ReadinessPoller()
        self.listener = listener
        self.maximumBodySize = maximumBodySize
        self.maximumConnections = maximumConnections
        self.logger = logger
        self.responder = responder
        try poller.watch(listener, for: .readable, token: Self.listenerToken)
    }

    /// Starts the thread.
    func start() throws(SocketError) {
        let result = DedicatedThread.start { [self] in
            DedicatedThread.nameCurrent("tend-control")
            DedicatedThread.blockSignals()
            var state = LoopState()
            run(&state)
            endedContinuation.finish()
        }
        guard result == 0 else { throw SocketError(operation: "pthread_create", code: result) }
    }

    /// Stops accepting, lets the answers under way finish (for `stopGrace` at most), closes every
    /// connection and the listening socket, and returns once the thread has ended.
    func stop() async {
        mailbox.withLock { $0.stopping = true }
        poller.wake()
        for await _ in ended {}
    }

    // MARK: - On the loop's thread

    /// The connections and the loop's own bookkeeping, owned by the thread.
    private struct LoopState {
        var connections: [UInt64: HTTPConnection] = [:]
        var nextID: UInt64 = 1
        var listening = true
        var acceptPausedUntil: ContinuousClock.Instant?
        var stopDeadline: ContinuousClock.Instant?
        /// Requests handed to tasks whose answers have not come back yet, connection gone or not.
        var answersInFlight = 0
    }

    private func run(_ state: inout LoopState) {
        while true {
            let events = poller.wait(timeoutMilliseconds: timeout(state))
            let (messages, stopping) = mailbox.withLock { mailbox in
                defer { mailbox.messages = [] }
                return (mailbox.messages, mailbox.stopping)
            }
            if stopping, state.stopDeadline == nil { beginStopping(&state) }
            for event in events {
                if event.token == Self.listenerToken {
                    acceptAll(&state)
                } else {
                    handle(event, &state)
                }
            }
            for message in messages { handle(message, stopping: stopping, &state) }
            expire(&state)
            if let deadline = state.stopDeadline, state.connections.isEmpty || ContinuousClock.now >= deadline {
                for id in Array(state.connections.keys) { drop(id, &state) }
                return
            }
        }
    }

    /// Milliseconds until the next deadline: a connection's read timeout, the end of an accept pause, the
    /// end of the stop grace; -1 (no limit) when none is pending.
    private func timeout(_ state: LoopState) -> Int32 {
        var earliest = state.acceptPausedUntil
        for connection in state.connections.values where connection.isTimed {
            if earliest.map({ connection.deadline < $0 }) ?? true { earliest = connection.deadline }
        }
        if let stop = state.stopDeadline, earliest.map({ stop < $0 }) ?? true { earliest = stop }
        guard let earliest else { return -1 }
        let remaining = ContinuousClock.now.duration(to: earliest)
        guard remaining > .zero else { return 0 }
        return Int32(clamping: remaining.millisecondsRoundedUp)
    }

    private func beginStopping(_ state: inout LoopState) {
        state.stopDeadline = ContinuousClock.now.advanced(by: Self.stopGrace)
        if state.listening {
            poller.forget(listener)
            state.listening = false
        }
        close(listener)
        for (id, connection) in state.connections where connection.isIdle { drop(id, &state) }
    }

    private func acceptAll(_ state: inout LoopState) {
        while state.listening, state.acceptPausedUntil == nil {
            switch UnixStreamSocket.accept(from: listener) {
            case .none:
                return
            case .failed(let error):
                // Out of descriptors, most likely: stop accepting for a moment instead of spinning on a
                // listener that stays readable.
                logger.warning("control socket: cannot accept a connection (\(error.reason)); pausing for 100 ms")
                poller.forget(listener)
                state.acceptPausedUntil = ContinuousClock.now.advanced(by: .milliseconds(100))
            case .connection(let fd):
                let overLimit = state.connections.count >= maximumConnections || state.answersInFlight >= maximumConnections
                // Beyond the limits a few more are taken in to be told so (a 503 for their request); past
                // those, a connection is closed at once.
                guard !overLimit || state.connections.count < maximumConnections + Self.refusedConnections else {
                    close(fd)
                    continue
                }
                let id = state.nextID
                state.nextID += 1
                let connection = HTTPConnection(fd: fd, maximumBodySize: maximumBodySize)
                connection.isRefused = overLimit
                do {
                    try poller.watch(fd, for: connection.interest, token: id)
                    state.connections[id] = connection
                } catch {
                    close(fd)
                }
            }
        }
    }

    private func handle(_ event: ReadinessPoller.Event, _ state: inout LoopState) {
        let id = event.token
        guard let connection = state.connections[id] else { return }
        // What arrived is read before a hang-up is acted on: a client may send a request and close at once.
        if event.readiness.contains(.readable), case .reading = connection.phase {
            receive(id, &state)
        }
        if event.readiness.contains(.error) || event.readiness.contains(.hangUp) {
            drop(id, &state)
            return
        }
        if event.readiness.contains(.peerClosed), case .streaming = connection.phase {
            drop(id, &state)
            return
        }
        if event.readiness.contains(.writable) {
            update(id, &state)
            pull(id, &state)
            advance(id, &state)
        }
    }

    private func receive(_ id: UInt64, _ state: inout LoopState) {
        guard let connection = state.connections[id] else { return }
        var bytes: [UInt8] = []
        let count = UnixStreamSocket.receive(connection.fd, appendingTo: &bytes, limit: 64 * 1024)
        let code = errno
        if count < 0, code == EAGAIN || code == EWOULDBLOCK { return }
        guard count > 0 else {
            drop(id, &state)
            return
        }
        connection.parser.feed(bytes)
        connection.touch()
        advance(id, &state)
    }

    /// Reads the next request out of what a connection has sent, if it is waiting for one.
    private func advance(_ id: UInt64, _ state: inout LoopState) {
        guard let connection = state.connections[id], case .reading = connection.phase, connection.unwritten == 0 else { return }
        switch connection.parser.next() {
        case .needMore:
            break
        case .continueExpected:
            connection.queue(Self.continueBytes)
        case .failure(let status, let reason):
            let error = status == 413 ? ControlError(.bodyTooLarge, reason) : ControlError(.badRequest, reason)
            closeWithError(error, status: status, connection)
        case .request where connection.isRefused:
            let error = ControlError(.failed, "the daemon is serving \(maximumConnections) connections or requests already; try again")
            closeWithError(error, status: 503, connection)
        case .request(let request):
            connection.phase = .answering
            state.answersInFlight += 1
            dispatch(request, to: id)
        }
        update(id, &state)
    }

    /// Queues the JSON error answer and makes the connection close once it has gone out.
    private func closeWithError(_ error: ControlError, status: Int, _ connection: HTTPConnection) {
        let answer = WireResponse.error(error, status: status)
        connection.queue(answer.head.bytes(framing: .length(answer.bytes.count), keepAlive: false, date: date.now()) + answer.bytes)
        connection.phase = .closing
    }

    private func handle(_ message: Message, stopping: Bool, _ state: inout LoopState) {
        switch message {
        case .answer(let id, let head, let body, let keepAlive, let omitBody):
            state.answersInFlight -= 1
            guard let connection = state.connections[id] else { return }
            let keep = keepAlive && !stopping
            let headBytes = head.bytes(framing: .length(body.count), keepAlive: keep, date: date.now())
            connection.queue(omitBody ? headBytes : headBytes + body)
            connection.phase = keep ? .reading : .closing
            connection.touch()
            update(id, &state)
            advance(id, &state)
        case .beginStream(let id, let head, let stream):
            state.answersInFlight -= 1
            guard let connection = state.connections[id] else {
                stream.close()
                return
            }
            connection.queue(head.bytes(framing: .chunked, keepAlive: false, date: date.now()))
            connection.phase = .streaming(stream)
            pull(id, &state)
        case .streamReady(let id):
            pull(id, &state)
        }
    }

    /// Moves a streamed body's queued bytes to the connection while the client keeps up.
    private func pull(_ id: UInt64, _ state: inout LoopState) {
        guard let connection = state.connections[id], case .streaming(let stream) = connection.phase,
            connection.unwritten < ResponseStream.highWater
        else { return }
        let (bytes, finished) = stream.take()
        connection.queue(bytes)
        if finished { connection.phase = .closing }
        update(id, &state)
    }

    /// Writes what it can, closes a connection that is done or gone, and watches for what comes next.
    private func update(_ id: UInt64, _ state: inout LoopState) {
        guard let connection = state.connections[id] else { return }
        guard connection.flush() else {
            drop(id, &state)
            return
        }
        if case .closing = connection.phase, connection.unwritten == 0 {
            drop(id, &state)
            return
        }
        if state.stopDeadline != nil, connection.isIdle {
            drop(id, &state)
            return
        }
        try? poller.change(connection.fd, to: connection.interest, token: id)
    }

    /// Closes the connections that waited too long for a request, and resumes accepting after a pause.
    private func expire(_ state: inout LoopState) {
        let now = ContinuousClock.now
        if let resume = state.acceptPausedUntil, now >= resume {
            state.acceptPausedUntil = nil
            if state.listening, (try? poller.watch(listener, for: .readable, token: Self.listenerToken)) == nil {
                state.listening = false
            }
        }
        for (id, connection) in state.connections where connection.isTimed && connection.deadline <= now {
            drop(id, &state)
        }
    }

    private func drop(_ id: UInt64, _ state: inout LoopState) {
        guard let connection = state.connections.removeValue(forKey: id) else { return }
        close(connection.fd)
        if case .streaming(let stream) = connection.phase { stream.close() }
    }

    // MARK: - Between the loop and the tasks

    private func post(_ message: Message) {
        mailbox.withLock { $0.messages.append(message) }
        poller.wake()
    }

    /// Answers `request` on a task, and hands the answer back to the loop.
    private func dispatch(_ request: HTTPRequest, to id: UInt64) {
        let responder = self.responder
        Task {
            let response = await responder(request)
            switch response.body {
            case .bytes(let bytes):
                post(.answer(id, response.head, bytes, keepAlive: request.keepAlive, omitBody: request.method == .HEAD))
            case .stream(let produce):
                let stream = ResponseStream(notify: { [self] in post(.streamReady(id)) })
                post(.beginStream(id, response.head, stream))
                await produce(ResponseStreamWriter(stream: stream))
                stream.finish()
            }
        }
    }
}

extension HTTPConnection {
    /// Whether the connection waits for a request (and its read timeout runs).
    var isAwaitingRequest: Bool {
        if case .reading = phase { return true }
        return false
    }

    /// Whether nothing is under way on the connection: no request begun, nothing left to write.
    var isIdle: Bool { isAwaitingRequest && !parser.isMidRequest && unwritten == 0 }

    /// Whether the inactivity deadline runs: while a request is awaited or an answer waits to be read.
    var isTimed: Bool { isAwaitingRequest || unwritten > 0 }
}
