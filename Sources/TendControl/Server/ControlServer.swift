import Glibc
import Logging
import TendSupervisor
import TendSystem

/// The control API server: HTTP/1.1 and JSON over a unix socket, answering from any `SupervisorControl`.
///
/// `start()` binds and publishes the socket and answers from then on; `stop()` on the running server ends
/// streamed responses, lets answers under way finish, and removes the socket. The caller holds a `SocketLock`
/// for the socket path first, so a second daemon cannot take the socket of a running one.
public struct ControlServer: Sendable {
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
        /// How many connections are served at once (and answers under way); beyond it a client gets a 503.
        public var maximumConnections: Int

        public init(
            socketPath: String, socketMode: UInt32 = 0o600, socketOwner: SocketOwner? = nil, version: String,
            followInterval: Duration = .milliseconds(100),
            maximumConnections: Int = 256
        ) {
            self.socketPath = socketPath
            self.socketMode = socketMode
            self.socketOwner = socketOwner
            self.version = version
            self.followInterval = followInterval
            self.maximumConnections = max(1, maximumConnections)
        }
    }

    /// Why the server could not start.
    public struct StartFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The largest request body the control API reads (bodies are tiny JSON objects); a larger one is refused
    /// with 413 `body_too_large`.
    public static let maximumBodySize = 64 * 1024

    private let control: any SupervisorControl
    private let configuration: Configuration
    private let logger: Logger

    /// A server for `control`.
    public init(control: any SupervisorControl, configuration: Configuration, logger: Logger = Logger(label: "tend.control")) {
        self.control = control
        self.configuration = configuration
        self.logger = logger
    }

    /// Binds the socket, gives it its mode and owner, moves it into place and starts answering; throws when
    /// the socket cannot be created.
    public func start() throws(StartFailure) -> Running {
        let publication: SocketPublication
        do {
            publication = try SocketPublication(
                finalPath: configuration.socketPath, mode: configuration.socketMode, owner: configuration.socketOwner)
        } catch {
            throw StartFailure(description: error.description)
        }
        let listener: Int32
        let identity: (device: UInt64, inode: UInt64)
        do {
            listener = try UnixStreamSocket.listen(at: publication.bindPath)
        } catch {
            publication.removeStagingDirectory()
            throw StartFailure(description: "cannot listen at \(configuration.socketPath): \(error.reason)")
        }
        do {
            identity = try publication.publish()
        } catch {
            close(listener)
            publication.removeStagingDirectory()
            throw StartFailure(description: error.description)
        }
        let broadcaster = EventBroadcaster()
        let lifetime = ServerLifetime()
        let routes = ControlRoutes(
            control: control, broadcaster: broadcaster, lifetime: lifetime, version: configuration.version,
            followInterval: configuration.followInterval)
        let loop: ControlConnectionLoop
        do {
            loop = try ControlConnectionLoop(
                listener: listener, maximumBodySize: Self.maximumBodySize,
                maximumConnections: configuration.maximumConnections, logger: logger
            ) { request in
                await routes.respond(to: request)
            }
            try loop.start()
        } catch {
            close(listener)
            publication.remove(identity: identity)
            throw StartFailure(description: "cannot serve \(configuration.socketPath): \(error)")
        }
        let control = self.control
        let forwarding = Task {
            for await event in await control.events() { broadcaster.publish(event) }
        }
        let shutdowns = Task {
            for await _ in lifetime.shutdownRequests {
                await control.shutdown()
                break
            }
        }
        return Running(
            socketPath: configuration.socketPath, loop: loop, lifetime: lifetime, broadcaster: broadcaster,
            tasks: [forwarding, shutdowns], removeSocket: { publication.remove(identity: identity) })
    }

    /// A server that is answering.
    public final class Running: Sendable {
        /// The socket it answers on.
        public let socketPath: String
        private let loop: ControlConnectionLoop
        private let lifetime: ServerLifetime
        private let broadcaster: EventBroadcaster
        private let tasks: [Task<Void, Never>]
        private let removeSocket: @Sendable () -> Void

        fileprivate init(
            socketPath: String, loop: ControlConnectionLoop, lifetime: ServerLifetime, broadcaster: EventBroadcaster,
            tasks: [Task<Void, Never>], removeSocket: @escaping @Sendable () -> Void
        ) {
            self.socketPath = socketPath
            self.loop = loop
            self.lifetime = lifetime
            self.broadcaster = broadcaster
            self.tasks = tasks
            self.removeSocket = removeSocket
        }

        /// Ends streamed responses, lets answers under way finish (two seconds at most), closes every
        /// connection and removes the socket.
        public func stop() async {
            lifetime.close()
            broadcaster.finish()
            await loop.stop()
            for task in tasks { task.cancel() }
            removeSocket()
        }
    }
}
