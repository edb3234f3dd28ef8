import TendSupervisor

/// A client of the control API over its unix socket: one connection per request, so nothing lingers
/// between commands and a broken exchange never spoils the next.
public struct ControlClient: Sendable {
    /// The socket the client connects to.
    public let socketPath: String
    /// How long the client waits for the daemon at each step (connecting, each read), or nil to wait as long
    /// as it takes: `tend stop` waits for programs that take their time to stop, `tend logs -f` for new lines.
    public let answerTimeout: Duration?

    public init(socketPath: String, answerTimeout: Duration? = nil) {
        self.socketPath = socketPath
        self.answerTimeout = answerTimeout
    }

    /// A whole answer: its status and body.
    public struct Reply: Sendable {
        public var status: Int
        public var body: [UInt8]
    }

    /// Sends one request and reads the whole answer, whatever its status.
    public func send(_ method: HTTPMethod, _ target: String, body: [UInt8]? = nil) async throws(ControlClientError) -> Reply {
        try await exchange(method, target, body: body) { status, next in
            Reply(status: status, body: try await Self.rest(next))
        }
    }

    /// Sends one request and hands each chunk of a 2xx answer's body to `onChunk` as it arrives, until the
    /// body ends or `onChunk` returns false; a non-2xx answer throws its API error.
    public func stream(
        _ method: HTTPMethod, _ target: String, onChunk: @escaping ([UInt8]) async throws -> Bool
    ) async throws(ControlClientError) {
        try await exchange(method, target, body: nil) { status, next in
            guard (200..<300).contains(status) else {
                throw Self.apiError(status: status, body: try await Self.rest(next))
            }
            while let bytes = try await next() {
                if try await !onChunk(bytes) { return }
            }
        }
    }

    /// Every byte `next` has still to give.
    private static func rest(_ next: () async throws -> [UInt8]?) async throws -> [UInt8] {
        var body: [UInt8] = []
        while let bytes = try await next() { body += bytes }
        return body
    }

    /// The API error an error answer carries.
    static func apiError(status: Int, body: [UInt8]) -> ControlClientError {
        if let reply = try? WireJSON.decode(ErrorReply.self, from: body) {
            return .server(reply.controlError, status: status)
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return .server(ControlError(.failed, "the daemon answered HTTP \(status): \(text)"), status: status)
    }

    /// The request's bytes: head (`Host`, `Connection: close`, and the body's type and length) and body.
    static func requestBytes(_ method: HTTPMethod, _ target: String, body: [UInt8]?) -> [UInt8] {
        var head = "\(method.rawValue) \(target) HTTP/1.1\r\nHost: tend\r\nConnection: close\r\n"
        if let body { head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n" }
        return Array((head + "\r\n").utf8) + (body ?? [])
    }

    /// Runs one exchange: `handle` gets the answer's status and a function returning the body's next bytes
    /// (nil at its end).
    private func exchange<Result: Sendable>(
        _ method: HTTPMethod, _ target: String, body: [UInt8]?,
        handle: (Int, () async throws -> [UInt8]?) async throws -> Result
    ) async throws(ControlClientError) -> Result {
        let exchange = ClientExchange(
            socketPath: socketPath, request: Self.requestBytes(method, target, body: body), isHead: method == .HEAD,
            timeout: answerTimeout)
        defer { exchange.cancel() }
        var events = exchange.events.makeAsyncIterator()
        let socket = socketPath
        /// The next part, or the error that ended the exchange.
        func nextPart() async throws(ControlClientError) -> HTTPResponseParser.Part {
            guard let event = await events.next() else {
                throw .connectionLost(socket: socket, reason: "the daemon closed the connection without answering")
            }
            exchange.acknowledge()
            switch event {
            case .part(let part): return part
            case .unreachable(let reason, let cause): throw .unreachable(socket: socket, reason: reason, cause: cause)
            case .broken(let reason): throw .connectionLost(socket: socket, reason: reason)
            }
        }
        guard case .head(let status, _) = try await nextPart() else {
            throw .connectionLost(socket: socket, reason: "the daemon's answer has no status line")
        }
        do {
            return try await handle(status) { () async throws(ControlClientError) -> [UInt8]? in
                switch try await nextPart() {
                case .body(let bytes): return bytes
                case .end: return nil
                case .head: throw .connectionLost(socket: socket, reason: "the daemon sent a second status line")
                }
            }
        } catch let error as ControlClientError {
            throw error
        } catch {
            throw .connectionLost(socket: socket, reason: "\(error)")
        }
    }
}
