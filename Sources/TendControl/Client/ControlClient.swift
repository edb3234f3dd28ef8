import Glibc
import NIOCore
import NIOHTTP1
import NIOPosix
import TendSupervisor

/// A client of the control API over its unix socket, written on swift-nio's HTTP/1.1 codec: one
/// connection per request, so nothing lingers between commands and a broken exchange never spoils the next.
public struct ControlClient: Sendable {
    /// The socket the client connects to.
    public let socketPath: String
    private let group: any EventLoopGroup

    public init(socketPath: String, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.socketPath = socketPath
        self.group = group
    }

    /// A whole answer: its status and body.
    public struct Reply: Sendable {
        public var status: Int
        public var body: [UInt8]
    }

    /// Sends one request and reads the whole answer, whatever its status.
    public func send(_ method: HTTPMethod, _ target: String, body: [UInt8]? = nil) async throws(ControlClientError) -> Reply {
        try await exchange(method, target, body: body) { status, parts in
            var body: [UInt8] = []
            while let part = try await parts.next() {
                if case .body(let buffer) = part { body.append(contentsOf: buffer.readableBytesView) }
                if case .end = part { break }
            }
            return Reply(status: status, body: body)
        }
    }

    /// Sends one request and hands each chunk of a 2xx answer's body to `onChunk` as it arrives, until the
    /// body ends or `onChunk` returns false; a non-2xx answer throws its API error.
    public func stream(
        _ method: HTTPMethod, _ target: String, onChunk: @escaping ([UInt8]) async throws -> Bool
    ) async throws(ControlClientError) {
        try await exchange(method, target, body: nil) { status, parts in
            guard (200..<300).contains(status) else {
                var body: [UInt8] = []
                while let part = try await parts.next() {
                    if case .body(let buffer) = part { body.append(contentsOf: buffer.readableBytesView) }
                    if case .end = part { break }
                }
                throw Self.apiError(status: status, body: body)
            }
            while let part = try await parts.next() {
                if case .body(let buffer) = part, try await !onChunk(Array(buffer.readableBytesView)) { return }
                if case .end = part { return }
            }
        }
    }

    /// The API error an error answer carries.
    static func apiError(status: Int, body: [UInt8]) -> ControlClientError {
        if let reply = try? WireJSON.decode(ErrorReply.self, from: body) {
            return .server(reply.controlError, status: status)
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return .server(ControlError(.failed, "the daemon answered HTTP \(status): \(text)"), status: status)
    }

    private func exchange<Result: Sendable>(
        _ method: HTTPMethod, _ target: String, body: [UInt8]?,
        handle: (Int, inout NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator) async throws -> Result
    ) async throws(ControlClientError) -> Result {
        let channel: NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>
        do {
            channel = try await ClientBootstrap(group: group).connect(unixDomainSocketPath: socketPath) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        } catch {
            throw .unreachable(socket: socketPath, reason: Self.reason(error))
        }
        do {
            return try await channel.executeThenClose { inbound, outbound in
                var head = HTTPRequestHead(version: .http1_1, method: method, uri: target)
                head.headers.add(name: "Host", value: "tend")
                head.headers.add(name: "Connection", value: "close")
                if let body {
                    head.headers.add(name: "Content-Type", value: "application/json")
                    head.headers.add(name: "Content-Length", value: String(body.count))
                }
                // One write for the whole request: a server may answer and close as soon as it has the head
                // (a GET has no body), and a separate later write of `.end` would then fail on a closed channel.
                var parts: [HTTPClientRequestPart] = [.head(head)]
                if let body { parts.append(.body(.byteBuffer(ByteBuffer(bytes: body)))) }
                parts.append(.end(nil))
                do {
                    try await outbound.write(contentsOf: parts)
                } catch ChannelError.ioOnClosedChannel {
                    // Closed early (an answer to a too-large body, say): the answer may already be waiting.
                }
                var answer = inbound.makeAsyncIterator()
                guard case .head(let responseHead)? = try await answer.next() else {
                    throw ControlClientError.connectionLost(socket: socketPath, reason: "the daemon closed the connection without answering")
                }
                return try await handle(Int(responseHead.status.code), &answer)
            }
        } catch let error as ControlClientError {
            throw error
        } catch {
            throw .connectionLost(socket: socketPath, reason: Self.reason(error))
        }
    }

    /// The system's words for a connection failure (`Connection refused`, `No such file or directory`).
    static func reason(_ error: any Error) -> String {
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
        if let error = error as? ChannelError, case .connectTimeout = error { return "timed out" }
        return "\(error)"
    }
}
