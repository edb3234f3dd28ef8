/// One message of a `text/event-stream` body (the WHATWG server-sent events format).
public struct ServerSentEvent: Hashable, Sendable {
    public var id: String?
    public var event: String?
    public var data: String

    public init(id: String? = nil, event: String? = nil, data: String) {
        self.id = id
        self.event = event
        self.data = data
    }

    /// The message as it is written on the stream, ending with the blank line that dispatches it.
    public var encoded: String {
        var text = ""
        if let id { text += "id: \(id)\n" }
        if let event { text += "event: \(event)\n" }
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line)\n"
        }
        return text + "\n"
    }
}

/// Reads server-sent events from bytes as they arrive, in chunks split anywhere.
public struct ServerSentEventParser: Sendable {
    private var pending: [UInt8] = []
    private var id: String?
    private var event: String?
    private var data: [String] = []

    public init() {}

    /// Takes the next chunk of the body and returns the messages it completed, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [ServerSentEvent] {
        pending.append(contentsOf: bytes)
        var messages: [ServerSentEvent] = []
        var lineStart = 0
        var index = 0
        while index < pending.count {
            if pending[index] == UInt8(ascii: "\n") {
                var end = index
                if end > lineStart, pending[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                if let message = take(line: String(decoding: pending[lineStart..<end], as: UTF8.self)) {
                    messages.append(message)
                }
                lineStart = index + 1
            }
            index += 1
        }
        pending.removeFirst(lineStart)
        return messages
    }

    private mutating func take(line: String) -> ServerSentEvent? {
        if line.isEmpty {
            defer { (id, event, data) = (nil, nil, []) }
            guard !data.isEmpty else { return nil }
            return ServerSentEvent(id: id, event: event, data: data.joined(separator: "\n"))
        }
        if line.hasPrefix(":") { return nil }
        let field: Substring, value: Substring
        if let colon = line.firstIndex(of: ":") {
            field = line[..<colon]
            let rest = line[line.index(after: colon)...]
            value = rest.hasPrefix(" ") ? rest.dropFirst() : rest
        } else {
            (field, value) = (Substring(line), "")
        }
        switch field {
        case "id": id = String(value)
        case "event": event = String(value)
        case "data": data.append(String(value))
        default: break
        }
        return nil
    }
}
