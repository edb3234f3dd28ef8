import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import TendSupervisor

/// The control API server: HTTP/1.1 and JSON over a unix socket, answering from any `SupervisorControl`.
///
/// It is a swift-service-lifecycle `Service`: `run()` binds, serves until the task is cancelled or a
/// graceful shutdown is requested, then removes its socket. The caller holds a `SocketLock` for the
/// socket path first, so a second daemon cannot take the socket of a running one.
public struct ControlServer: Service {
    /// Where and how the server listens.
    public struct Configuration: Sendable {
        /// The socket's path.
        public var socketPath: String
        /// The socket file's permission bits; 0600 (owner only) unless `[daemon] socket_mode` says otherwise.
        public var socketMode: UInt32
        /// Who owns the socket file, or nil for the daemon's own user.
        public var socketOwner: SocketOwner?
        /// The daemon's version, as `GET /v1/version` reports it.
        public var version: String
        /// How often a followed log is checked for new bytes.
        public var followInterval: Duration

        public init(
            socketPath: String, socketMode: UInt32 = 0o600, socketOwner: SocketOwner? = nil, version: String,
            followInterval: Duration = .milliseconds(100)
        ) {
            self.socketPath = socketPath
            self.socketMode = socketMode
            self.socketOwner = socketOwner
            self.version = version
            self.followInterval = followInterval
        }
    }

    /// Why the server could not start.
    public struct StartFailure: Error, CustomStringConvertible {
        public let description: String
    }

    private let control: any SupervisorControl
    private let configuration: Configuration
    private let logger: Logger
    private let onReady: @Sendable (String) async -> Void

    /// A server for `control`. `onReady` is called with the socket's path once it accepts connections.
    public init(
        control: any SupervisorControl, configuration: Configuration, logger: Logger = Logger(label: "tend.control"),
        onReady: @escaping @Sendable (String) async -> Void = { _ in }
    ) {
        self.control = control
        self.configuration = configuration
        self.logger = logger
        self.onReady = onReady
    }

    /// The router the server answers with, for tests that look at its routes.
    func makeRoutes(broadcaster: EventBroadcaster, lifetime: ServerLifetime) -> ControlRoutes {
        ControlRoutes(
            control: control, broadcaster: broadcaster, lifetime: lifetime, version: configuration.version,
            followInterval: configuration.followInterval)
    }

    /// Serves until cancelled or shut down gracefully; throws when the socket cannot be created.
    public func run() async throws {
        let publication: SocketPublication
        do {
            publication = try SocketPublication(
                finalPath: configuration.socketPath, mode: configuration.socketMode, owner: configuration.socketOwner)
        } catch {
            throw StartFailure(description: error.description)
        }
        let broadcaster = EventBroadcaster()
        let lifetime = ServerLifetime()
        let (readiness, readinessContinuation) = AsyncStream.makeStream(of: StartFailure?.self)
        let published = Mutex<(device: UInt64, inode: UInt64)?>(nil)
        let socketPath = configuration.socketPath, onReady = self.onReady
        let server = try ControlHTTPServer.make(
            router: makeRoutes(broadcaster: broadcaster, lifetime: lifetime).router(),
            path: publication.bindPath, logger: logger,
            onServerRunning: { _ in
                do {
                    let identity = try publication.publish()
                    published.withLock { $0 = identity }
                    readinessContinuation.yield(nil)
                    await onReady(socketPath)
                } catch {
                    readinessContinuation.yield(StartFailure(description: "\(error)"))
                }
            })
        defer {
            publication.removeStagingDirectory()
            if let identity = published.withLock({ $0 }) { publication.remove(identity: identity) }
        }
        try await withGracefulShutdownHandler {
            try await serve(server, broadcaster: broadcaster, lifetime: lifetime, readiness: readiness)
        } onGracefulShutdown: {
            lifetime.close()
            broadcaster.finish()
        }
    }

    /// What ended, among the tasks that make up a running server.
    private enum Ended: Sendable {
        case server
        case events
        case shutdown
        case ready(StartFailure?)
    }

    private func serve(
        _ server: any Service, broadcaster: EventBroadcaster, lifetime: ServerLifetime,
        readiness: AsyncStream<StartFailure?>
    ) async throws {
        let control = self.control
        try await withThrowingTaskGroup(of: Ended.self) { group in
            group.addTask {
                try await server.run()
                return .server
            }
            group.addTask {
                for await event in await control.events() { broadcaster.publish(event) }
                return .events
            }
            group.addTask {
                for await _ in lifetime.shutdownRequests {
                    await control.shutdown()
                    break
                }
                return .shutdown
            }
            group.addTask {
                for await outcome in readiness { return .ready(outcome) }
                return .ready(nil)
            }
            while let ended = try await group.next() {
                switch ended {
                case .server:
                    lifetime.close()
                    broadcaster.finish()
                    group.cancelAll()
                    return
                case .ready(let failure?):
                    group.cancelAll()
                    throw failure
                case .ready(nil), .events, .shutdown:
                    continue
                }
            }
        }
    }
}
