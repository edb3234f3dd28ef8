/// What a route answers: a status and fields, and a body either whole or streamed.
struct ControlResponse: Sendable {
    /// A response body.
    enum Body: Sendable {
        /// Every byte at once (`Content-Length`).
        case bytes([UInt8])
        /// Bytes written as they come by `produce` (chunked), until it returns or the client hangs up; the
        /// connection closes after a streamed body.
        case stream(@Sendable (ResponseStreamWriter) async -> Void)
    }

    var head: HTTPResponseHead
    var body: Body

    init(status: Int = 200, headers: HTTPFields, body: Body) {
        self.head = HTTPResponseHead(status: status, headers: headers)
        self.body = body
    }
}
