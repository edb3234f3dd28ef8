/// A request handed to the pump thread, which alone touches streams and outputs.
enum LogPumpCommand: Sendable {
    /// Start reading `readEnd` into `output`.
    case attach(LogStreamID, readEnd: CInt, output: LogOutput, onEnd: @Sendable (LogStreamEnd) -> Void)
    /// Drain what the pipe holds now, then close the stream.
    case detach(LogStreamID)
    /// Change a stream's rotation policy in place.
    case setRotation(LogStreamID, LogRotation)
    /// Reopen every regular file at its path (SIGUSR2), then call `done`.
    case reopenAll(done: @Sendable () -> Void)
    /// Signal `continuation` whenever bytes reach the stream's output; call `done` once registered.
    case observe(LogStreamID, observer: UInt64, AsyncStream<Void>.Continuation, done: @Sendable () -> Void)
    /// Forget an observer whose consumer went away.
    case stopObserving(LogStreamID, observer: UInt64)
    /// End every stream, leave the thread, then call `done`.
    case stop(done: @Sendable () -> Void)

    /// The completion to run at once when the pump has already stopped, so no caller waits forever.
    var completion: (@Sendable () -> Void)? {
        switch self {
        case .reopenAll(let done), .observe(_, _, _, let done), .stop(let done): done
        case .attach, .detach, .setRotation, .stopObserving: nil
        }
    }
}
