import Hummingbird
import NIOCore

/// The request context of the control server: Hummingbird's core storage plus the connection's channel,
/// which streamed responses watch to stop as soon as the client hangs up.
public struct ControlRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connection the request came in on.
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = CoreRequestContextStorage(source: source)
        self.channel = source.channel
    }

    /// Request bodies are tiny JSON objects; anything larger is refused with 413 `body_too_large`.
    public var maxUploadSize: Int { Self.maximumBodySize }

    /// The largest request body the control API reads.
    public static let maximumBodySize = 64 * 1024
}
