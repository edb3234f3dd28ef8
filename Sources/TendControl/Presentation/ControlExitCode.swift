/// The exit codes of the commands that talk to the daemon, documented in `tend --help` and the README.
/// They follow supervisorctl's where it has them (3 for a program not running, 4 for no such program).
public enum ControlExitCode: Int32, Sendable, CaseIterable {
    /// Everything asked for was done; `status`: every listed process is RUNNING.
    case success = 0
    /// An action failed for some process, or the configuration is invalid (`plan`, `apply`).
    case actionFailed = 1
    /// `plan`: the configuration asks for changes that are not carried out yet.
    case changesPending = 2
    /// `status`: some listed process is not RUNNING.
    case notRunning = 3
    /// No process, program or group has the name given.
    case noSuchProcess = 4
    /// The daemon cannot be reached at the socket (sysexits' EX_UNAVAILABLE).
    case unreachable = 69
}
