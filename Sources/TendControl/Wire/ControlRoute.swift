/// Every route of the control API, as one list the router registers and the OpenAPI agreement test reads,
/// so the document and the server cannot drift apart.
public enum ControlRoute: String, CaseIterable, Sendable {
    case version
    case status
    case start
    case stop
    case restart
    case signal
    case plan
    case apply
    case logs
    case events
    case shutdown

    /// The version of the API these routes make up; every path starts with `/v1`.
    public static let apiVersion = "v1"

    /// The HTTP method, upper case.
    public var method: String {
        switch self {
        case .version, .status, .plan, .logs, .events: return "GET"
        case .start, .stop, .restart, .signal, .apply, .shutdown: return "POST"
        }
    }

    /// The path template, with `{parameter}` placeholders as OpenAPI writes them.
    public var pathTemplate: String {
        let prefix = "/" + Self.apiVersion
        switch self {
        case .version: return prefix + "/version"
        case .status: return prefix + "/status"
        case .start, .stop, .restart, .signal: return prefix + "/processes/{name}/" + rawValue
        case .plan: return prefix + "/plan"
        case .apply: return prefix + "/apply"
        case .logs: return prefix + "/processes/{name}/logs"
        case .events: return prefix + "/events"
        case .shutdown: return prefix + "/shutdown"
        }
    }

    /// The concrete path for a selector or process name (percent-encoded), for routes that take one.
    public func path(for parameter: String = "") -> String {
        guard let open = pathTemplate.firstIndex(of: "{"), let close = pathTemplate.firstIndex(of: "}") else {
            return pathTemplate
        }
        return String(pathTemplate[..<open]) + PercentEncoding.encodePathSegment(parameter)
            + String(pathTemplate[pathTemplate.index(after: close)...])
    }
}
