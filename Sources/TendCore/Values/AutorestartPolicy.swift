/// What happens when a process exits after it reached RUNNING (supervisord's `autorestart`).
public enum AutorestartPolicy: String, Hashable, Sendable, CaseIterable {
    /// Start it again whatever its exit code.
    case always
    /// Start it again only when its exit code is not in `exitcodes` (supervisord's default).
    case unexpected
    /// Leave it EXITED.
    case never
}
