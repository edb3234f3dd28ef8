/// An operator command waiting for its processes to arrive somewhere (supervisorctl's start waits for
/// RUNNING or failure; stop waits until stopped).
struct Waiter {
    /// Where the processes must arrive.
    enum Goal {
        /// The start under this override generation has happened and settled (RUNNING, or failed).
        case started(generation: UInt64)
        /// No process is left.
        case stopped
        /// The supervisor has finished.
        case finished
    }

    let names: [String]
    let goal: Goal
    let continuation: CheckedContinuation<Void, Never>
}
