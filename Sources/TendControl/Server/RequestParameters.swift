import Hummingbird
import TendSupervisor

/// Reading a request's path parameters and query items, with a `bad_request` that says what was wrong.
extension Request {
    /// A path parameter, percent-decoded.
    func pathParameter(_ name: String, context: ControlRequestContext) throws(ControlError) -> String {
        guard let raw = context.parameters.get(name), let decoded = PercentEncoding.decode(raw), !decoded.isEmpty else {
            throw ControlError(.badRequest, "the path is missing a valid {\(name)}")
        }
        return decoded
    }

    /// Every value of a query item, in order.
    func queryValues(_ name: String) -> [String] {
        uri.queryParameters.getAll(name).map { String($0) }
    }

    /// A query item read as a boolean (`true`/`false`, `1`/`0`), or `fallback` when it is absent.
    func queryFlag(_ name: String, default fallback: Bool) throws(ControlError) -> Bool {
        guard let text = uri.queryParameters.get(name) else { return fallback }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw ControlError(.badRequest, "query item \(name) must be true or false, found \"\(text)\"")
        }
    }

    /// A query item read as a count of zero or more, or nil when it is absent.
    func queryCount(_ name: String) throws(ControlError) -> Int? {
        guard let text = uri.queryParameters.get(name) else { return nil }
        guard let count = Int(text), count >= 0 else {
            throw ControlError(.badRequest, "query item \(name) must be a whole number of zero or more, found \"\(text)\"")
        }
        return count
    }

    /// The tail a logs request asks for: `bytes=N` or `lines=N` (not both), else the standard tail.
    func logTail() throws(ControlError) -> LogTailRequest {
        switch (try queryCount("bytes"), try queryCount("lines")) {
        case (.some, .some): throw ControlError(.badRequest, "ask for bytes or for lines, not both")
        case (.some(let bytes), nil): return .bytes(bytes)
        case (nil, .some(let lines)): return .lines(lines)
        case (nil, nil): return .standard
        }
    }

    /// The `stream` query item: `stdout` (the default) or `stderr`.
    func logStream() throws(ControlError) -> LogStream {
        guard let text = uri.queryParameters.get("stream") else { return .stdout }
        guard let stream = LogStream(rawValue: String(text)) else {
            throw ControlError(.badRequest, "query item stream must be stdout or stderr, found \"\(text)\"")
        }
        return stream
    }
}
