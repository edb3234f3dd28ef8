import Hummingbird
import NIOCore
import TendSupervisor

/// Builds the server's responses in the wire form: JSON bodies and JSON errors.
enum WireResponse {
    /// A JSON response with `value` as its body.
    static func json(_ value: some Encodable, status: Int = 200) throws -> Response {
        let bytes = try WireJSON.encode(value)
        return Response(
            status: HTTPResponse.Status(code: status),
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes + [UInt8(ascii: "\n")])))
    }

    /// The JSON error answer for `error`, with the status its code maps to.
    static func error(_ error: ControlError) -> Response {
        (try? json(ErrorReply(error), status: error.code.httpStatus))
            ?? Response(status: .internalServerError)
    }
}
