/// How much of a log's end to send: the last N bytes or the last N lines.
public enum LogTailRequest: Hashable, Sendable {
    case bytes(Int)
    case lines(Int)

    /// What `tend logs` shows when asked for nothing in particular, like tail(1).
    public static let standard = LogTailRequest.lines(10)

    /// The query items that ask for this tail (`bytes=N` or `lines=N`).
    public var queryItem: (name: String, value: String) {
        switch self {
        case .bytes(let count): return ("bytes", String(count))
        case .lines(let count): return ("lines", String(count))
        }
    }
}
