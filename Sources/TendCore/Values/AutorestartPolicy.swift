/// What happens when a process exits after it reached RUNNING (supervisord's `autorestart`).
public enum AutorestartPolicy: String, Hashable, Sendable, CaseIterable {
    /// Start it again whatever its exit code.
    case always
    /// Start it again only when its exit code is not in `exitcodes` (supervisord's default).
    case unexpected
    /// Leave it EXITED.
    case never
}

extension AutorestartPolicy {
    /// Whether an exit from RUNNING leads to a new start, given whether its status was expected.
    public func restarts(afterExpectedExit expected: Bool) -> Bool {
        switch self {
        case .always: return true
        case .unexpected: return !expected
        case .never: return false
        }
    }
}
