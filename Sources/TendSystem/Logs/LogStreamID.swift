/// Names one pipe the pump reads, from `LogPump.attach` until its end is reported.
public struct LogStreamID: Hashable, Sendable, CustomStringConvertible {
    /// The number the pump gave the stream; also its epoll token. Never 0, which is the pump's wake-up.
    public let rawValue: UInt64

    /// Wraps a raw stream number.
    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// `log-stream-N`, for messages.
    public var description: String { "log-stream-\(rawValue)" }
}

/// The report that a stream is over: why, and what it carried.
public struct LogStreamEnd: Sendable, Equatable {
    /// Why a stream stopped being read.
    public enum Reason: Sendable, Equatable {
        /// Every writer closed its end (the child and anything it forked are gone) and the pipe is drained.
        case endOfFile
        /// The owner detached it; what was in the pipe at that moment was still written.
        case detached
        /// The pump shut down.
        case pumpStopped
    }

    /// The stream that ended.
    public let id: LogStreamID
    /// Why it ended.
    public let reason: Reason
    /// Bytes that reached the output over the stream's life.
    public let bytesWritten: UInt64
    /// Bytes read from the pipe but lost because the output failed (disk full, FIFO reader gone).
    public let bytesDropped: UInt64
}
