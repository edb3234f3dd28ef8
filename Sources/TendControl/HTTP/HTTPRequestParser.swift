/// Reads HTTP/1.1 requests from the bytes of one connection as they arrive, one after another (pipelined
/// requests included), with bounds on the head and the body so no client can make the server hoard memory.
struct HTTPRequestParser {
    /// The largest head (request line and header fields) read; a larger one is refused with 431.
    static let maximumHeadSize = 16 * 1024

    /// What the bytes so far make.
    enum Outcome {
        /// A whole request.
        case request(HTTPRequest)
        /// Not a whole request yet.
        case needMore
        /// The head asks for `100 Continue` before it sends its body (curl does for larger bodies); said once.
        case continueExpected
        /// The bytes are not a request the server can read: answer `status` and close the connection.
        case failure(status: Int, reason: String)
    }

    /// The largest body read; a larger one is refused with 413.
    let maximumBodySize: Int
    private var buffer: [UInt8] = []
    private var scanned = 0
    /// The head read while its body is still arriving, and how long that body is.
    private var waiting: (request: HTTPRequest, bodyLength: Int)?
    private var continueSaid = false

    init(maximumBodySize: Int) {
        self.maximumBodySize = maximumBodySize
    }

    /// Takes the next bytes received.
    mutating func feed(_ bytes: [UInt8]) {
        buffer += bytes
    }

    /// Whether bytes of an unfinished request are held.
    var isMidRequest: Bool { waiting != nil || !buffer.isEmpty }

    /// The next request if its bytes have all arrived.
    mutating func next() -> Outcome {
        if waiting == nil {
            // RFC 9112 2.2: empty lines before a request line are ignored.
            let blank = buffer.prefix { $0 == HTTPHead.carriageReturn || $0 == HTTPHead.lineFeed }.count
            if blank > 0 {
                buffer.removeFirst(blank)
                scanned = 0
            }
            guard let end = HTTPHead.end(in: buffer, from: 0, scanned: &scanned) else {
                if buffer.count > Self.maximumHeadSize {
                    return .failure(status: 431, reason: "the request head is larger than \(Self.maximumHeadSize) bytes")
                }
                return .needMore
            }
            guard end <= Self.maximumHeadSize else {
                return .failure(status: 431, reason: "the request head is larger than \(Self.maximumHeadSize) bytes")
            }
            switch Self.request(from: buffer[..<end], maximumBodySize: maximumBodySize) {
            case .failure(let status, let reason):
                return .failure(status: status, reason: reason)
            case .success(let head):
                buffer.removeFirst(end)
                scanned = 0
                continueSaid = false
                waiting = head
            }
        }
        guard let (request, length) = waiting else { return .needMore }
        guard buffer.count >= length else {
            if !continueSaid, request.headers.lists("expect", token: "100-continue") {
                continueSaid = true
                return .continueExpected
            }
            return .needMore
        }
        var whole = request
        whole.body = Array(buffer[..<length])
        buffer.removeFirst(length)
        waiting = nil
        return .request(whole)
    }

    private enum HeadResult {
        case success((HTTPRequest, Int))
        case failure(Int, String)
    }

    /// The request a head describes, with its body still to come, and the body's length.
    private static func request(from bytes: ArraySlice<UInt8>, maximumBodySize: Int) -> HeadResult {
        let head: HTTPHead
        do {
            head = try HTTPHead(bytes)
        } catch {
            return .failure(400, error.reason)
        }
        let parts = head.startLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].utf8.allSatisfy(HTTPHead.isTokenByte) else {
            return .failure(400, "the request line is not METHOD TARGET HTTP/1.1")
        }
        let keepAliveByDefault: Bool
        switch parts[2] {
        case "HTTP/1.1": keepAliveByDefault = true
        case "HTTP/1.0": keepAliveByDefault = false
        default: return .failure(505, "only HTTP/1.1 and HTTP/1.0 are spoken here, not \(parts[2])")
        }
        let target = parts[1]
        guard target.hasPrefix("/") else { return .failure(400, "the request target must be a path starting with /") }
        if head.fields["transfer-encoding"] != nil {
            return .failure(400, "chunked request bodies are not accepted; send Content-Length")
        }
        let lengths = Set(head.fields.values("content-length"))
        var length = 0
        if let text = lengths.first {
            guard lengths.count == 1, !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(text) else {
                return .failure(400, "the Content-Length is not one whole number")
            }
            length = value
        }
        guard length <= maximumBodySize else {
            return .failure(413, "the request body is larger than \(maximumBodySize) bytes")
        }
        let question = target.firstIndex(of: "?")
        // HTTP/1.0 connections close after their answer, keep-alive or not: few clients still ask, and an
        // answer that kept one open would have to say so.
        let keepAlive = keepAliveByDefault && !head.fields.lists("connection", token: "close")
        let request = HTTPRequest(
            method: HTTPMethod(String(parts[0])),
            path: String(target[..<(question ?? target.endIndex)]),
            query: question.map { String(target[target.index(after: $0)...]) } ?? "",
            headers: head.fields, body: [], keepAlive: keepAlive)
        return .success((request, length))
    }
}
