import TendSupervisor

/// A request matched to one of the API's routes, with the path's `{parameter}` values still percent-encoded.
struct RouteMatch {
    let route: ControlRoute
    let parameters: [String: String]

    /// The route `method` and `path` address; an `unknown_route` error when none does (whatever the method).
    init(method: HTTPMethod, path: String) throws(ControlError) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for route in ControlRoute.allCases where route.method == method.rawValue {
            if let parameters = Self.parameters(of: route, in: segments) {
                self.route = route
                self.parameters = parameters
                return
            }
        }
        throw ControlError(.unknownRoute, "no route \(method) \(path); the API's routes are listed in schemas/tend.openapi.json")
    }

    /// The parameters when `segments` fit the route's template, else nil.
    private static func parameters(of route: ControlRoute, in segments: [Substring]) -> [String: String]? {
        let template = route.pathTemplate.split(separator: "/", omittingEmptySubsequences: false)
        guard template.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (expected, actual) in zip(template, segments) {
            if expected.hasPrefix("{"), expected.hasSuffix("}") {
                guard !actual.isEmpty else { return nil }
                parameters[String(expected.dropFirst().dropLast())] = String(actual)
            } else if expected != actual {
                return nil
            }
        }
        return parameters
    }
}
