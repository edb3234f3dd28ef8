import TendCore
import TendSystem

/// One process in the supervisor's table: what the planner sees (`observed`) and the handles the runtime
/// holds for it (the child, its log streams).
struct ManagedProcess {
    var observed: ObservedProcess
    /// The running child, between a successful spawn and its reaping.
    var child: ChildProcess?
    /// The log streams the pump moves for the current child.
    var logStreams: [LogStreamID] = []
    /// When the current child started, on the wall clock (seconds since the epoch), for status.
    var startedAtWallClock: Double?

    /// A process newly taken in with `applied` settings, never started.
    init(applied: DesiredProcess) {
        self.init(observed: ObservedProcess(applied: applied, lifecycle: ProcessLifecycle(), activation: nil))
    }

    init(observed: ObservedProcess) {
        self.observed = observed
    }

    var name: String { observed.name }
    var state: ProcessState { observed.state }
}
