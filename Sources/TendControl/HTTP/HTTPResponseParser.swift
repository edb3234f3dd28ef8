/// Reads one HTTP/1.1 response from the bytes a client receives, as they arrive: the status first, then the
/// body's bytes however it is framed (`Content-Length`, chunked, or up to the end of the connection).
struct HTTPResponseParser {
    /// What the next bytes made.
    enum Part: Equatable {
        /// The status line and header fields were read.
        case head(status: Int, headers: [String])
        /// Bytes of the body.
        case body([UInt8])
        /// The body is complete.
        case end
    }

    /// Why the bytes are not a response the client understands.
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    private enum Stage {
        case head
        case sized(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case untilClose
        /// The body is complete; `.end` is still to be reported.
        case ending
        case done
    }

    /// The longest head or chunk line read; the control API's are far shorter.
    static let maximumLine = 64 * 1024

    private var stage = Stage.head
    private var buffer: [UInt8] = []
    private var scanned = 0
    /// Whether the request was HEAD, whose response has no body whatever its fields say.
    private let bodiless: Bool

    init(requestWasHead: Bool = false) {
        bodiless = requestWasHead
    }

    /// Whether the whole response has been read.
    var isComplete: Bool {
        if case .done = stage { return true }
        return false
    }

    /// The parts that `bytes` completes, in order.
    mutating func feed(_ bytes: [UInt8]) throws(Malformed) -> [Part] {
        buffer += bytes
        var parts: [Part] = []
        while let part = try step() { parts.append(part) }
        return parts
    }

    /// The parts the end of the connection completes: the end of a body framed by the close; an error when
    /// the response was cut short.
    mutating func finish() throws(Malformed) -> [Part] {
        switch stage {
        case .untilClose:
            stage = .done
            return [.end]
        case .ending:
            stage = .done
            return [.end]
        case .done:
            return []
        default:
            throw Malformed(description: "the daemon closed the connection before its answer was complete")
        }
    }

    /// The next part the buffered bytes complete, or nil when more bytes are needed. A loop rather than
    /// recursion, so no answer, however many interim responses or trailer lines it has, deepens the stack.
    private mutating func step() throws(Malformed) -> Part? {
        while true {
            switch stage {
            case .head:
                guard let end = HTTPHead.end(in: buffer, from: 0, scanned: &scanned) else {
                    if buffer.count > Self.maximumLine { throw Malformed(description: "the answer's head is larger than \(Self.maximumLine) bytes") }
                    return nil
                }
                let head: HTTPHead
                do { head = try HTTPHead(buffer[..<end]) } catch { throw Malformed(description: error.reason) }
                buffer.removeFirst(end)
                scanned = 0
                let words = head.startLine.split(separator: " ", maxSplits: 2)
                guard words.count >= 2, words[0].hasPrefix("HTTP/1."), let status = Int(words[1]) else {
                    throw Malformed(description: "the answer does not start with an HTTP/1.1 status line")
                }
                if (100..<200).contains(status) { continue }
                if bodiless || status == 204 || status == 304 {
                    stage = .ending
                } else if head.fields.lists("transfer-encoding", token: "chunked") {
                    stage = .chunkSize
                } else if let text = head.fields["content-length"] {
                    guard let length = Int(text), length >= 0 else { throw Malformed(description: "the Content-Length \(text) is not a number") }
                    stage = length == 0 ? .ending : .sized(remaining: length)
                } else {
                    stage = .untilClose
                }
                return .head(status: status, headers: head.fields.fields.map { "\($0.name): \($0.value)" })
            case .sized(let remaining):
                guard let taken = takeBody(upTo: remaining) else { return nil }
                stage = remaining == taken.count ? .ending : .sized(remaining: remaining - taken.count)
                return .body(taken)
            case .untilClose:
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return .body(buffer)
            case .chunkSize:
                guard let line = try takeLine() else { return nil }
                let digits = line.prefix { $0 != UInt8(ascii: ";") }
                guard let size = Int(String(decoding: digits, as: UTF8.self).trimmingCharacters(), radix: 16), size >= 0 else {
                    throw Malformed(description: "a chunk size is not a hexadecimal number")
                }
                stage = size == 0 ? .trailers : .chunkData(remaining: size)
                continue
            case .chunkData(let remaining):
                guard let taken = takeBody(upTo: remaining) else { return nil }
                stage = remaining == taken.count ? .chunkDataEnd : .chunkData(remaining: remaining - taken.count)
                return .body(taken)
            case .chunkDataEnd:
                guard let line = try takeLine() else { return nil }
                guard line.isEmpty else { throw Malformed(description: "a chunk is longer than its size says") }
                stage = .chunkSize
                continue
            case .trailers:
                guard let line = try takeLine() else { return nil }
                if line.isEmpty { stage = .ending }
                continue
            case .ending:
                stage = .done
                return .end
            case .done:
                return nil
            }
        }
    }

    /// Up to `limit` body bytes from what has arrived, or nil when nothing has.
    private mutating func takeBody(upTo limit: Int) -> [UInt8]? {
        guard !buffer.isEmpty else { return nil }
        let taken = Array(buffer.prefix(limit))
        buffer.removeFirst(taken.count)
        return taken
    }

    /// The next line without its CRLF (or bare LF), once it has arrived whole.
    private mutating func takeLine() throws(Malformed) -> [UInt8]? {
        guard let lineFeed = buffer.firstIndex(of: HTTPHead.lineFeed) else {
            if buffer.count > Self.maximumLine { throw Malformed(description: "a chunk line is longer than \(Self.maximumLine) bytes") }
            return nil
        }
        var line = Array(buffer[..<lineFeed])
        if line.last == HTTPHead.carriageReturn { line.removeLast() }
        buffer.removeFirst(lineFeed + 1)
        return line
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingCharacters() -> String {
        String(Substring(self).trimmingSpaces())
    }
}
