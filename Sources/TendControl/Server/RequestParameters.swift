import TendSupervisor

/// Reading a request's path parameters and query items, with a `bad_request` that says what was wrong.
extension HTTPRequest {
    /// A path parameter of the matched route, percent-decoded.
    func pathParameter(_ name: String, in match: RouteMatch) throws(ControlError) -> String {
        guard let raw = match.parameters[name], let decoded = PercentEncoding.decode(raw), !decoded.isEmpty else {
            throw ControlError(.badRequest, "the path is missing a valid {\(name)}")
        }
        return decoded
    }

    /// Every value of a query item, percent-decoded, in order.
    func queryValues(_ name: String) throws(ControlError) -> [String] {
        var values: [String] = []
        for raw in rawQueryValues(name) {
            guard let value = PercentEncoding.decode(raw) else {
                throw ControlError(.badRequest, "query item \(name) has a malformed %-escape: \"\(raw)\"")
            }
            values.append(value)
        }
        return values
    }

    /// The first value of a query item, or nil when it is absent.
    func queryValue(_ name: String) throws(ControlError) -> String? {
        try queryValues(name).first
    }

    /// A query item read as a boolean (`true`/`false`, `1`/`0`), or `fallback` when it is absent.
    func queryFlag(_ name: String, default fallback: Bool) throws(ControlError) -> Bool {
        guard let text = try queryValue(name) else { return fallback }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw ControlError(.badRequest, "query item \(name) must be true or false, found \"\(text)\"")
        }
    }

    /// A query item read as a count of zero or more, or nil when it is absent.
    func queryCount(_ name: String) throws(ControlError) -> Int? {
        guard let text = try queryValue(name) else { return nil }
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
        guard let text = try queryValue("stream") else { return .stdout }
        guard let stream = LogStream(rawValue: text) else {
            throw ControlError(.badRequest, "query item stream must be stdout or stderr, found \"\(text)\"")
        }
        return stream
    }
}
