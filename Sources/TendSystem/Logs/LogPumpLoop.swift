#if canImport(Glibc)
import Glibc
#endif
import CTendSystem
import Logging

/// The body of the pump thread: sleeps in epoll_wait, and on each wake-up moves bytes only for the pipes
/// that are ready, a bounded amount each, so one busy child cannot starve another.
///
/// A regular log file is opened when bytes arrive and closed once its stream has been quiet for
/// `idleClose`: the wait has a timeout only while some file is open, so a pump whose programs are all quiet
/// sleeps without any timer.
final class LogPumpLoop {
    private let mailbox: LogPumpMailbox
    private let logger: Logger
    private let budgetPerWake: Int
    private let idleClose: Int64
    /// The streams whose log file is open, with when they last moved bytes (monotonic milliseconds).
    private var openFiles: [UInt64: Int64] = [:]
    /// When the earliest open file becomes due for closing, or nil when none is open.
    private var nextIdleCheck: Int64?
    /// The most a detach writes before closing: more than any pipe holds, yet bounded, so a writer that never
    /// pauses cannot keep the pump thread draining its pipe forever.
    private static let detachDrainLimit = 64 << 20
    private var streams: [UInt64: PumpedStream] = [:]
    private let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 4096)

    init(mailbox: LogPumpMailbox, logger: Logger, budgetPerWake: Int, idleClose: Duration) {
        self.mailbox = mailbox
        self.logger = logger
        self.budgetPerWake = budgetPerWake
        self.idleClose = max(1, idleClose.millisecondsRoundedUp)
    }

    deinit {
        scratch.deallocate()
    }

    /// Runs until a stop command; every stream is ended and closed before it returns.
    func run() {
        let capacity = 64
        var tokens = [UInt64](repeating: 0, count: capacity)
        while true {
            let timeout = nextIdleCheck.map { CInt(clamping: max(0, $0 - monotonicMilliseconds())) } ?? -1
            let ready = tokens.withUnsafeMutableBufferPointer {
                tend_io_epoll_wait(mailbox.epoll, $0.baseAddress, nil, CInt(capacity), timeout)
            }
            if ready < 0 {
                logger.critical("log pump cannot wait", metadata: ["error": "\(lastLogErrno)"])
                return
            }
            for index in 0..<Int(ready) {
                let token = tokens[index]
                if token == LogPumpMailbox.wakeToken {
                    if !performCommands() { return }
                } else if let stream = streams[token] {
                    pump(stream, budget: budgetPerWake)
                }
            }
            if let due = nextIdleCheck, monotonicMilliseconds() >= due { closeIdleFiles() }
        }
    }

    /// Closes the log files whose streams have moved nothing for `idleClose`, and schedules the next check
    /// for the earliest of the others.
    private func closeIdleFiles() {
        let now = monotonicMilliseconds()
        var next: Int64?
        for (id, lastActive) in openFiles {
            let due = lastActive + idleClose
            if due > now {
                next = min(next ?? due, due)
                continue
            }
            openFiles[id] = nil
            guard let stream = streams[id], case .rotatingFile(var file) = stream.output else { continue }
            file.close()
            stream.output = .rotatingFile(file)
        }
        nextIdleCheck = next
    }

    /// Notes that the stream's log file is open and was active just now.
    private func noteActivity(_ stream: PumpedStream) {
        guard streams[stream.id.rawValue] != nil, case .rotatingFile(let file) = stream.output, file.isOpen else { return }
        let now = monotonicMilliseconds()
        openFiles[stream.id.rawValue] = now
        if nextIdleCheck == nil { nextIdleCheck = now + idleClose }
    }

    /// Carries out queued commands; false once the pump must stop.
    private func performCommands() -> Bool {
        let commands = mailbox.take()
        for (position, command) in commands.enumerated() {
            switch command {
            case .attach(let id, let readEnd, let output, let onEnd):
                streams[id.rawValue] = PumpedStream(id: id, readEnd: readEnd, output: output, onEnd: onEnd)
            case .detach(let id):
                guard let stream = streams[id.rawValue] else { continue }
                pump(stream, budget: Self.detachDrainLimit)
                if streams[id.rawValue] != nil { finish(stream, .detached) }
            case .setRotation(let id, let rotation):
                guard let stream = streams[id.rawValue], case .rotatingFile(var file) = stream.output else { continue }
                file.setRotation(rotation)
                stream.output = .rotatingFile(file)
            case .reopenAll(let done):
                reopenAll()
                done()
            case .observe(let id, let observer, let continuation, let done):
                if let stream = streams[id.rawValue] {
                    stream.observers[observer] = continuation
                } else {
                    continuation.finish()
                }
                done()
            case .stopObserving(let id, let observer):
                streams[id.rawValue]?.observers[observer] = nil
            case .stop(let done):
                stopAll(leftOver: commands[(position + 1)...] + mailbox.take(closing: true))
                done()
                return false
            }
        }
        return true
    }

    /// Moves up to `budget` bytes from the stream's pipe to its output, rotating at each boundary.
    private func pump(_ stream: PumpedStream, budget: Int) {
        var remaining = budget
        var movedAny = false
        defer {
            noteActivity(stream)
            if movedAny { stream.observers.values.forEach { $0.yield() } }
        }
        rotateIfDue(stream)
        while remaining > 0 {
            let outcome: LogTransfer
            do throws(LogWriteFailure) {
                outcome = try transfer(stream, limit: remaining)
            } catch {
                noteFailure(stream, failure: error)
                switch discard(stream, limit: min(remaining, scratch.count)) {
                case .moved(let count): remaining -= count
                case .pipeEmpty: return
                case .endOfFile: return finish(stream, .endOfFile)
                }
                continue
            }
            switch outcome {
            case .moved(let count):
                remaining -= count
                stream.bytesWritten += UInt64(count)
                movedAny = true
                rotateIfDue(stream)
                if stream.isFailing {
                    stream.isFailing = false
                    logger.notice("log output works again", metadata: ["path": "\(stream.output.path)"])
                }
            case .pipeEmpty:
                return
            case .endOfFile:
                return finish(stream, .endOfFile)
            }
        }
    }

    private func transfer(_ stream: PumpedStream, limit: Int) throws(LogWriteFailure) -> LogTransfer {
        switch stream.output {
        case .rotatingFile(var file):
            defer { stream.output = .rotatingFile(file) }
            return try file.transfer(from: stream.readEnd, limit: limit, buffer: scratch)
        case .passthrough(let log):
            return try log.transfer(from: stream.readEnd, limit: limit, buffer: scratch)
        }
    }

    /// Rotates as soon as a file reaches its boundary (so the outcome does not depend on how the bytes were
    /// chunked), and before writing to a file found at or past it (opened oversized, or `maxBytes` lowered).
    private func rotateIfDue(_ stream: PumpedStream) {
        guard case .rotatingFile(var file) = stream.output, file.isDueForRotation else { return }
        do {
            try file.rotate()
        } catch {
            logger.error("log rotation failed", metadata: ["path": "\(file.path)", "error": "\(error)"])
        }
        stream.output = .rotatingFile(file)
    }

    private func noteFailure(_ stream: PumpedStream, failure: LogWriteFailure) {
        stream.bytesDropped += UInt64(failure.lostBytes)
        if stream.isFailing { return }
        stream.isFailing = true
        logger.error(
            "log output failed; dropping bytes until it works again",
            metadata: ["path": "\(stream.output.path)", "error": "\(failure.error)"]
        )
    }

    /// Reads and throws away bytes the output refused, so the child is not blocked by a broken output and the
    /// level-triggered wake-up does not spin.
    private func discard(_ stream: PumpedStream, limit: Int) -> LogTransfer {
        var got: Int
        repeat { got = read(stream.readEnd, scratch.baseAddress, limit) } while got < 0 && lastLogErrno == .interrupted
        if got > 0 {
            stream.bytesDropped += UInt64(got)
            return .moved(got)
        }
        return got == 0 ? .endOfFile : .pipeEmpty
    }

    private func reopenAll() {
        for stream in streams.values {
            guard case .rotatingFile(var file) = stream.output, file.isOpen else { continue }
            do {
                try file.reopen()
            } catch {
                logger.error("log reopen failed", metadata: ["path": "\(file.path)", "error": "\(error)"])
            }
            stream.output = .rotatingFile(file)
        }
    }

    private func finish(_ stream: PumpedStream, _ reason: LogStreamEnd.Reason) {
        streams[stream.id.rawValue] = nil
        openFiles[stream.id.rawValue] = nil
        _ = tend_io_epoll_remove(mailbox.epoll, stream.readEnd)
        _ = close(stream.readEnd)
        stream.output.close()
        stream.observers.values.forEach { $0.finish() }
        stream.observers.removeAll()
        stream.onEnd(stream.end(reason))
    }

    /// Ends every stream, including ones attached after the stop was queued, and releases every waiter.
    private func stopAll(leftOver: [LogPumpCommand]) {
        for command in leftOver {
            switch command {
            case .attach(let id, let readEnd, let output, let onEnd):
                streams[id.rawValue] = PumpedStream(id: id, readEnd: readEnd, output: output, onEnd: onEnd)
            case .observe(_, _, let continuation, let done):
                continuation.finish()
                done()
            default:
                command.completion?()
            }
        }
        for stream in Array(streams.values) { finish(stream, .pumpStopped) }
    }
}

/// CLOCK_MONOTONIC in milliseconds, for the idle-file deadlines.
private func monotonicMilliseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
}
