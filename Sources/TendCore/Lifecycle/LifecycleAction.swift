/// What the runtime must do for a process after a transition. The state machine decides; the runtime acts
/// and reports back with `.spawned`, `.spawnFailed`, `.exited` or `.signalFailed`.
public enum LifecycleAction: Hashable, Sendable {
    /// Start the program's process; report `.spawned(pid:)` or `.spawnFailed(message:)`.
    case spawn
    /// Send `signal` to the process (its pid), or to its whole process group when `toGroup` is true.
    case signal(Signal, toGroup: Bool)
}
