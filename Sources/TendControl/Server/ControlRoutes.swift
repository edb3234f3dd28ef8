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

    /// The answer to `request`: the route's, or the JSON error for whatever went wrong, never a crash.
    func respond(to request: HTTPRequest) async -> ControlResponse {
        do {
            let match = try RouteMatch(method: request.method, path: request.path)
            return try await respond(to: match, request: request)
        } catch let error as ControlError {
            return WireResponse.errorResponse(error)
        } catch {
            return WireResponse.errorResponse(ControlError(.failed, "internal error: \(error)"))
        }
    }

    private func respond(to match: RouteMatch, request: HTTPRequest) async throws -> ControlResponse {
        switch match.route {
        case .version:
            return try WireResponse.json(VersionReply(version: version))
        case .status:
            let selectors = try request.queryValues("name").map(ProcessSelector.init)
            return try WireResponse.json(StatusReply(processes: try await control.status(selectors)))
        case .start, .stop, .restart:
            let selector = ProcessSelector(try request.pathParameter("name", in: match))
            let results: [CommandResult]
            switch match.route {
            case .start: results = try await control.start([selector])
            case .stop: results = try await control.stop([selector])
            default: results = try await control.restart([selector])
            }
            return try WireResponse.json(CommandReply(results: results))
        case .signal:
            let selector = ProcessSelector(try request.pathParameter("name", in: match))
            let signal = try Self.signal(in: request)
            return try WireResponse.json(CommandReply(results: try await control.signal(signal, [selector])))
        case .plan:
            return try WireResponse.json(await control.plan())
        case .apply:
            return try WireResponse.json(await control.apply())
        case .logs:
            return try await logs(request: request, match: match)
        case .events:
            return events(follow: try request.queryFlag("follow", default: false))
        case .shutdown:
            lifetime.requestShutdown()
            return try WireResponse.json(ShutdownReply(), status: 202)
        }
    }

    /// The signal named by a `{"signal": "HUP"}` body.
    private static func signal(in request: HTTPRequest) throws(ControlError) -> Signal {
        let parsed: SignalRequest
        do {
            parsed = try WireJSON.decode(SignalRequest.self, from: request.body)
        } catch {
            throw ControlError(.badRequest, "the body must be a JSON object such as {\"signal\": \"HUP\"}")
        }
        guard let signal = Signal(named: parsed.signal) else {
            throw ControlError(.badSignal, "no signal named \"\(parsed.signal)\"")
        }
        return signal
    }

    private static let textHeaders: HTTPFields = ["Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache"]
    private static let eventHeaders: HTTPFields = ["Content-Type": "text/event-stream", "Cache-Control": "no-cache"]

    private func logs(request: HTTPRequest, match: RouteMatch) async throws -> ControlResponse {
        let name = try request.pathParameter("name", in: match)
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
            case .bytes(let count): start = try LogTail.lastBytes(count, of: path)
            case .lines(let count): start = try LogTail.lastLines(count, of: path)
            }
        } catch {
            throw ControlError(.noLogFile, "cannot read \(path): \(error)")
        }
        guard follow else { return ControlResponse(headers: Self.textHeaders, body: .bytes(start)) }
        let lifetime = self.lifetime, interval = followInterval
        return ControlResponse(headers: Self.textHeaders, body: .stream { writer in
            guard await writer.write(start) || start.isEmpty else { return }
            while writer.isOpen, !lifetime.isClosing {
                guard let appended = try? follower.readAvailable() else { return }
                if appended.isEmpty {
                    try? await Task.sleep(for: interval)
                } else if await !writer.write(appended) {
                    return
                }
            }
        })
    }

    /// How far back a follower looks for the file that replaced a rotated one (only the newest backup matters
    /// between two reads 100 ms apart).
    static let followedBackups = 1

    private func events(follow: Bool) -> ControlResponse {
        guard follow else {
            let text = broadcaster.recentEvents().map(Self.encode).joined()
            return ControlResponse(headers: Self.eventHeaders, body: .bytes(Array(text.utf8)))
        }
        let (recent, stream, cancel) = broadcaster.subscribe()
        return ControlResponse(headers: Self.eventHeaders, body: .stream { writer in
            writer.whenClosed(cancel)
            // A comment first, so the client sees the stream open before any event happens.
            guard await writer.write(Array((": tend events\n\n" + recent.map(Self.encode).joined()).utf8)) else { return }
            for await event in stream {
                guard await writer.write(Array(Self.encode(event).utf8)) else { return }
            }
        })
    }

    /// One event as a server-sent event: `id` is its sequence number, `event` its type, `data` its JSON.
    static func encode(_ event: SequencedEvent) -> String {
        let wire = WireEvent(event.event)
        let data = (try? WireJSON.encode(wire)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return ServerSentEvent(id: String(event.sequence), event: wire.type.rawValue, data: data).encoded
    }
}
