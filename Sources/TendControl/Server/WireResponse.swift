import TendSupervisor

/// Builds the server's responses in the wire form: JSON bodies and JSON errors.
enum WireResponse {
    private static let jsonHeaders: HTTPFields = ["Content-Type": "application/json"]

    /// A JSON response with `value` as its body.
    static func json(_ value: some Encodable, status: Int = 200) throws -> ControlResponse {
        ControlResponse(status: status, headers: jsonHeaders, body: .bytes(try WireJSON.encode(value) + [UInt8(ascii: "\n")]))
    }

    /// The JSON error answer for `error`, with the status its code maps to unless `status` is given.
    static func error(_ error: ControlError, status: Int? = nil) -> (head: HTTPResponseHead, bytes: [UInt8]) {
        let bytes = ((try? WireJSON.encode(ErrorReply(error))) ?? Array(#"{"error":{"code":"failed","message":"internal error"}}"#.utf8))
            + [UInt8(ascii: "\n")]
        return (HTTPResponseHead(status: status ?? error.code.httpStatus, headers: jsonHeaders), bytes)
    }

    /// The JSON error answer for `error`, as a route returns it.
    static func errorResponse(_ error: ControlError) -> ControlResponse {
        let (head, bytes) = self.error(error)
        return ControlResponse(status: head.status, headers: head.headers, body: .bytes(bytes))
    }
}
