/// A wait that did not see its condition in time.
public struct TimedOut: Error, CustomStringConvertible {
    public let what: String
    public var description: String { "timed out waiting for \(what)" }
}

/// Polls `condition` every few milliseconds until it returns a value, failing after `limit`. Tests wait
/// for what they expect, never for a fixed time.
@discardableResult
public func eventually<T>(_ what: String, within limit: Duration = .seconds(10), _ condition: () async throws -> T?) async throws -> T {
    let deadline = ContinuousClock.now + limit
    while true {
        if let value = try await condition() { return value }
        guard ContinuousClock.now < deadline else { throw TimedOut(what: what) }
        try await Task.sleep(for: .milliseconds(5)) // allowed: the polling interval of a wait bounded by a deadline
    }
}

/// Polls `condition` until it holds, failing after `limit`.
public func poll(_ what: String, within limit: Duration = .seconds(10), _ condition: () async throws -> Bool) async throws {
    try await eventually(what, within: limit) { try await condition() ? true : nil }
}
