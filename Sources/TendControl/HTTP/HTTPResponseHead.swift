/// The status and header fields of a response, and how they are written on the wire.
public struct HTTPResponseHead: Sendable {
    /// How the body's end is marked.
    public enum Framing: Sendable {
        /// A body of this many bytes (`Content-Length`).
        case length(Int)
        /// A body streamed in chunks of any size, ended by an empty chunk (`Transfer-Encoding: chunked`).
        case chunked
    }

    /// The status code.
    public var status: Int
    /// Header fields besides the framing, `Connection` and `Date`, which `bytes` adds.
    public var headers: HTTPFields

    public init(status: Int, headers: HTTPFields = [:]) {
        self.status = status
        self.headers = headers
    }

    /// The head as sent: status line, fields, framing, `Connection: close` unless kept alive, `Date`.
    func bytes(framing: Framing, keepAlive: Bool, date: String) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(Self.reason(for: status))\r\n"
        for field in headers.fields { text += "\(field.name): \(field.value)\r\n" }
        switch framing {
        case .length(let count): text += "Content-Length: \(count)\r\n"
        case .chunked: text += "Transfer-Encoding: chunked\r\n"
        }
        if !keepAlive { text += "Connection: close\r\n" }
        text += "Date: \(date)\r\n\r\n"
        return Array(text.utf8)
    }

    /// The reason phrase of the statuses the control API answers with.
    static func reason(for status: Int) -> String {
        switch status {
        case 100: return "Continue"
        case 200: return "OK"
        case 202: return "Accepted"
        case 400: return "Bad Request"
        case 404: return "Not Found"
        case 409: return "Conflict"
        case 413: return "Content Too Large"
        case 422: return "Unprocessable Content"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        case 505: return "HTTP Version Not Supported"
        default: return "Status \(status)"
        }
    }
}

/// `Transfer-Encoding: chunked` framing of a streamed body.
enum ChunkedEncoding {
    /// One chunk: its size in hex, the bytes, CRLF. Empty bytes make no chunk (an empty one would end the body).
    static func chunk(_ bytes: [UInt8]) -> [UInt8] {
        guard !bytes.isEmpty else { return [] }
        return Array((String(bytes.count, radix: 16) + "\r\n").utf8) + bytes + [HTTPHead.carriageReturn, HTTPHead.lineFeed]
    }

    /// The empty chunk that ends the body.
    static let end: [UInt8] = Array("0\r\n\r\n".utf8)
}
