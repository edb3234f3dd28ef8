import Hummingbird
import NIOCore
import TendCore
import TendSupervisor
import TendSystem

/// The control API's handlers: each `ControlRoute` answered from a `SupervisorControl`.
struct ControlRoutes: Sendable {
    let control: any SupervisorControl
    let broadcaster: EventBroadcaster
    let lifetime: ServerLifetime
    let version: String
    /// How often a followed log is checked for new bytes.
    let followInterval: Duration

    /// A router with every route of `ControlRoute.allCases` and the JSON error middleware.
    func router() -> Router<ControlRequestContext> {
        let router = Router(context: ControlRequestContext.self)
        router.add(middleware: ControlErrorMiddleware())
        for route in ControlRoute.allCases {
            router.on(RouterPath(route.pathTemplate), method: HTTPRequest.Method(route.method)!) { request, context in
                try await respond(to: route, request: request, context: context)
            }
        }
        return router
    }

    private func respond(to route: ControlRoute, request: Request, context: ControlRequestContext) async throws -> Response {
        switch route {
        case .version:
            return try WireResponse.json(VersionReply(version: version))
        case .status:
            let selectors = request.queryValues("name").map(ProcessSelector.init)
            return try WireResponse.json(StatusReply(processes: try await control.status(selectors)))
        case .start, .stop, .restart:
            let selector = ProcessSelector(try request.pathParameter("name", context: context))
            let results: [CommandResult]
            switch route {
            case .start: results = try await control.start([selector])
            case .stop: results = try await control.stop([selector])
            default: results = try await control.restart([selector])
            }
            return try WireResponse.json(CommandReply(results: results))
        case .signal:
            let selector = ProcessSelector(try request.pathParameter("name", context: context))
            let signal = try await Self.signal(in: request, context: context)
            return try WireResponse.json(CommandReply(results: try await control.signal(signal, [selector])))
        case .plan:
            return try WireResponse.json(await control.plan())
        case .apply:
            return try WireResponse.json(await control.apply())
        case .logs:
            return try await logs(request: request, context: context)
        case .events:
            return try events(follow: try request.queryFlag("follow", default: false), context: context)
        case .shutdown:
            lifetime.requestShutdown()
            return try WireResponse.json(ShutdownReply(), status: 202)
        }
    }

    /// The signal named by a `{"signal": "HUP"}` body.
    private static func signal(in request: Request, context: ControlRequestContext) async throws -> Signal {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let parsed: SignalRequest
        do {
            parsed = try WireJSON.decode(SignalRequest.self, from: Array(buffer: body))
        } catch {
            throw ControlError(.badRequest, "the body must be a JSON object such as {\"signal\": \"HUP\"}")
        }
        guard let signal = Signal(named: parsed.signal) else {
            throw ControlError(.badSignal, "no signal named \"\(parsed.signal)\"")
        }
        return signal
    }

    private func logs(request: Request, context: ControlRequestContext) async throws -> Response {
        let name = try request.pathParameter("name", context: context)
        let stream = try request.logStream()
        let tail = try request.logTail()
        let follow = try request.queryFlag("follow", default: false)
        guard let path = try await control.logFile(of: name, stream: stream) else {
            throw ControlError(.noLogFile, "\(name) writes its \(stream.rawValue) to no file tend can read back")
        }
        // The follower first, then the tail: a byte written in between shows twice rather than not at all.
        let follower: FollowedLog
        let start: [UInt8]
        do {
            follower = FollowedLog(try LogFollower(path: path, backups: Self.followedBackups, from: .end))
            switch tail {
            case .bytes(let count): start = try LogTail.lastBytes(min(count, Self.maximumTail), of: path)
            case .lines(let count): start = try LogTail.lastLines(count, of: path)
            }
        } catch {
            throw ControlError(.noLogFile, "cannot read \(path): \(error)")
        }
        let headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-cache"]
        guard follow else {
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: start)))
        }
        let channel = context.channel, lifetime = self.lifetime, interval = followInterval
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            if !start.isEmpty { try await writer.write(ByteBuffer(bytes: start)) }
            while channel.isActive, !lifetime.isClosing {
                let appended = try follower.readAvailable()
                if appended.isEmpty {
                    // On the connection's event loop, not Task.sleep: see ControlHTTPServer.
                    try await channel.eventLoop.scheduleTask(in: TimeAmount(interval)) {}.futureResult.get()
                } else {
                    try await writer.write(ByteBuffer(bytes: appended))
                }
            }
            try await writer.finish(nil)
        })
    }

    /// The most one tail returns, whatever was asked, so a huge request cannot exhaust the daemon.
    static let maximumTail = 16 * 1024 * 1024
    /// How far back a follower looks for the file that replaced a rotated one (only the newest backup matters
    /// between two reads 100 ms apart).
    static let followedBackups = 1

    private func events(follow: Bool, context: ControlRequestContext) throws -> Response {
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        guard follow else {
            let text = broadcaster.recentEvents().map(Self.encode).joined()
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
        let (recent, stream, cancel) = broadcaster.subscribe()
        context.channel.closeFuture.whenComplete { _ in cancel() }
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            // A comment first, so the client sees the stream open before any event happens.
            try await writer.write(ByteBuffer(string: ": tend events\n\n" + recent.map(Self.encode).joined()))
            for await event in stream {
                try await writer.write(ByteBuffer(string: Self.encode(event)))
            }
            try await writer.finish(nil)
        })
    }

    /// One event as a server-sent event: `id` is its sequence number, `event` its type, `data` its JSON.
    static func encode(_ event: SequencedEvent) -> String {
        let wire = WireEvent(event.event)
        let data = (try? WireJSON.encode(wire)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return ServerSentEvent(id: String(event.sequence), event: wire.type.rawValue, data: data).encoded
    }
}
