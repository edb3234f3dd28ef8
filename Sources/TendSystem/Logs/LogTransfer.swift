/// What one attempt to move bytes from a pipe to a log output found.
enum LogTransfer: Equatable {
    /// This many bytes reached the output.
    case moved(Int)
    /// The pipe holds nothing now; a writer may still come back.
    case pipeEmpty
    /// Every writer is gone and the pipe is drained.
    case endOfFile
}

/// A log output refused bytes: the error, and how many bytes taken from the pipe were lost with it.
struct LogWriteFailure: Error {
    /// The failing call.
    let error: LogIOError
    /// Bytes read from the pipe that never reached the output.
    let lostBytes: Int
}
