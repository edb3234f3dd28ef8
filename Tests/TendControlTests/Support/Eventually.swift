import Testing

/// Polls `condition` every few milliseconds until it holds or `timeout` passes; never a fixed sleep.
func eventually(
    within timeout: Duration = .seconds(5), _ condition: () async throws -> Bool,
    sourceLocation: SourceLocation = #_sourceLocation
) async rethrows {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try? await Task.sleep(for: .milliseconds(5))
    }
    Issue.record("condition not met within \(timeout)", sourceLocation: sourceLocation)
}
