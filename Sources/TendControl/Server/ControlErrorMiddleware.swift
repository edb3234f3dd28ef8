import Hummingbird
import TendSupervisor

/// Turns every error a route throws (and the router's own 404) into the API's JSON error form, so no
/// request, however malformed, gets anything but a JSON answer with a stable code.
struct ControlErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ControlError {
            return WireResponse.error(error)
        } catch let error as any HTTPResponseError {
            return WireResponse.error(Self.controlError(status: error.status.code, method: request.method.rawValue, path: request.uri.path))
        } catch {
            return WireResponse.error(ControlError(.failed, "internal error: \(error)"))
        }
    }

    /// The API error for an HTTP-level failure Hummingbird reported.
    static func controlError(status: Int, method: String, path: String) -> ControlError {
        switch status {
        case 404, 405:
            return ControlError(.unknownRoute, "no route \(method) \(path); the API's routes are listed in schemas/tend.openapi.json")
        case 413:
            return ControlError(.bodyTooLarge, "the request body is larger than \(ControlRequestContext.maximumBodySize) bytes")
        case 400..<500:
            return ControlError(.badRequest, "the request is malformed (HTTP \(status))")
        default:
            return ControlError(.failed, "the request failed (HTTP \(status))")
        }
    }
}
