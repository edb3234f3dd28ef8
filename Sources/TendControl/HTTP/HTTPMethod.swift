/// An HTTP request method: the ones the control API uses by name, any other token as it came.
public struct HTTPMethod: Hashable, Sendable, CustomStringConvertible {
    /// The method's token, upper case as sent (`GET`).
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public static let GET = HTTPMethod("GET")
    public static let POST = HTTPMethod("POST")
    public static let PUT = HTTPMethod("PUT")
    public static let DELETE = HTTPMethod("DELETE")
    public static let HEAD = HTTPMethod("HEAD")

    public var description: String { rawValue }
}
