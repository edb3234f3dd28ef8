/// One HTTP request as the control server received it.
public struct HTTPRequest: Sendable {
    /// The method.
    public var method: HTTPMethod
    /// The path, still percent-encoded (`/v1/processes/queue%3A%2A/stop`).
    public var path: String
    /// The query after `?`, still percent-encoded, or empty.
    public var query: String
    /// The header fields.
    public var headers: HTTPFields
    /// The body (empty when there is none).
    public var body: [UInt8]
    /// Whether the client keeps the connection open for another request (HTTP/1.1 unless it says
    /// `Connection: close`; never HTTP/1.0).
    public var keepAlive: Bool

    /// Every raw (percent-encoded) value of the query item `name`, in order.
    public func rawQueryValues(_ name: String) -> [String] {
        query.split(separator: "&").compactMap { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts[0] == name else { return nil }
            return parts.count > 1 ? String(parts[1]) : ""
        }
    }
}
