import Testing

/// Polls `condition` every few milliseconds until it holds or `timeout` passes; records an issue on timeout.
@discardableResult
func awaitLogCondition(
    within timeout: Duration = .seconds(10),
    _ what: String = "condition",
    sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () throws -> Bool
) async rethrows -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        if try condition() { return true }
        try? await Task.sleep(for: .milliseconds(3)) // allowed: the polling interval of a wait bounded by a deadline
    }
    if try condition() { return true }
    Issue.record("timed out waiting for \(what)", sourceLocation: sourceLocation)
    return false
}
