/// One pipe the pump thread reads and everything it knows about it. Confined to the pump thread.
final class PumpedStream {
    let id: LogStreamID
    let readEnd: CInt
    var output: LogOutput
    let onEnd: @Sendable (LogStreamEnd) -> Void
    var observers: [UInt64: AsyncStream<Void>.Continuation] = [:]
    var bytesWritten: UInt64 = 0
    var bytesDropped: UInt64 = 0
    /// Set while the output keeps failing, so a failure is logged once rather than on every wake-up.
    var isFailing = false

    init(id: LogStreamID, readEnd: CInt, output: LogOutput, onEnd: @escaping @Sendable (LogStreamEnd) -> Void) {
        self.id = id
        self.readEnd = readEnd
        self.output = output
        self.onEnd = onEnd
    }

    /// The end report for `reason`, with the stream's counters.
    func end(_ reason: LogStreamEnd.Reason) -> LogStreamEnd {
        LogStreamEnd(id: id, reason: reason, bytesWritten: bytesWritten, bytesDropped: bytesDropped)
    }
}
