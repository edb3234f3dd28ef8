import TendSupervisor

/// The verbs that act on processes and wait, one request per selector.
public enum ProcessCommand: String, Sendable, CaseIterable {
    case start
    case stop
    case restart

    var route: ControlRoute {
        switch self {
        case .start: return .start
        case .stop: return .stop
        case .restart: return .restart
        }
    }
}

/// The control API as typed calls: each route of `ControlRoute`, its answer decoded from wire JSON.
extension ControlClient {
    /// `GET /v1/version`.
    public func version() async throws(ControlClientError) -> VersionReply {
        try await call(.GET, ControlRoute.version.path())
    }

    /// `GET /v1/status`: every process, or those `names` address (`NAME`, `GROUP:*`, `GROUP:NAME`).
    public func status(_ names: [String] = []) async throws(ControlClientError) -> [ProcessStatus] {
        let reply: StatusReply = try await call(.GET, Self.target(ControlRoute.status.path(), names.map { ("name", $0) }))
        return reply.processes
    }

    /// `POST /v1/processes/{name}/start|stop|restart`: waits as the daemon does, one result per process.
    public func command(_ command: ProcessCommand, _ selector: String) async throws(ControlClientError) -> [CommandResult] {
        let reply: CommandReply = try await call(.POST, command.route.path(for: selector))
        return reply.results
    }

    /// `POST /v1/processes/{name}/signal` with `{"signal": signal}`.
    public func signal(_ signal: String, _ selector: String) async throws(ControlClientError) -> [CommandResult] {
        let body: [UInt8]
        do { body = try WireJSON.encode(SignalRequest(signal: signal)) } catch { throw .server(ControlError(.badRequest, "\(error)"), status: 400) }
        let reply: CommandReply = try await call(.POST, ControlRoute.signal.path(for: selector), body: body)
        return reply.results
    }

    /// `GET /v1/plan`: what a reconcile would do now.
    public func plan() async throws(ControlClientError) -> PlanReport {
        try await call(.GET, ControlRoute.plan.path())
    }

    /// `POST /v1/apply`: reload and reconcile now; what was done.
    public func apply() async throws(ControlClientError) -> PlanReport {
        try await call(.POST, ControlRoute.apply.path())
    }

    /// `POST /v1/shutdown`: the daemon stops every process, then exits.
    public func shutdown() async throws(ControlClientError) -> ShutdownReply {
        try await call(.POST, ControlRoute.shutdown.path())
    }

    /// `GET /v1/processes/{name}/logs`: the log's end, then (with `follow`) what is appended, each chunk
    /// handed to `onBytes` as it arrives until the daemon ends the stream or `onBytes` returns false.
    public func logs(
        _ name: String, stream: LogStream = .stdout, tail: LogTailRequest = .standard, follow: Bool = false,
        onBytes: @escaping ([UInt8]) async throws -> Bool
    ) async throws(ControlClientError) {
        let item = tail.queryItem
        var query = [("stream", stream.rawValue), (item.name, item.value)]
        if follow { query.append(("follow", "true")) }
        try await self.stream(.GET, Self.target(ControlRoute.logs.path(for: name), query), onChunk: onBytes)
    }

    /// `GET /v1/events`: the daemon's recent events, then (with `follow`) each new one as it happens,
    /// handed to `onEvent` in order until the stream ends or `onEvent` returns false.
    public func events(follow: Bool = false, onEvent: @escaping (SequencedEvent) async throws -> Bool) async throws(ControlClientError) {
        var parser = ServerSentEventParser()
        let target = Self.target(ControlRoute.events.path(), follow ? [("follow", "true")] : [])
        try await self.stream(.GET, target) { bytes in
            for message in parser.feed(bytes) {
                guard let wire = try? WireJSON.decode(WireEvent.self, from: Array(message.data.utf8)), let event = wire.event else { continue }
                let sequence = message.id.flatMap(UInt64.init) ?? 0
                if try await !onEvent(SequencedEvent(sequence: sequence, event: event)) { return false }
            }
            return true
        }
    }

    /// Sends a request and decodes a 2xx answer as `Value`; a non-2xx answer throws its API error.
    private func call<Value: Decodable>(_ method: HTTPMethod, _ target: String, body: [UInt8]? = nil) async throws(ControlClientError) -> Value {
        let reply = try await send(method, target, body: body)
        guard (200..<300).contains(reply.status) else { throw Self.apiError(status: reply.status, body: reply.body) }
        do {
            return try WireJSON.decode(Value.self, from: reply.body)
        } catch {
            throw .connectionLost(socket: socketPath, reason: "the daemon's answer is not the JSON expected: \(error)")
        }
    }

    /// A path with percent-encoded query items.
    static func target(_ path: String, _ query: [(String, String)]) -> String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { PercentEncoding.encodePathSegment($0.0) + "=" + PercentEncoding.encodePathSegment($0.1) }.joined(separator: "&")
    }
}
