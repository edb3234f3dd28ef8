import Glibc

/// A pipe whose only message is "look at your inbox": how other threads wake the watch thread out of
/// `poll()`. Both ends are close-on-exec; the ends are non-blocking unless asked otherwise.
final class WakePipe: Sendable {
    /// The end the waiting thread polls.
    let readEnd: Int32
    /// The end other threads write to.
    let writeEnd: Int32

    /// A new pipe.
    init(nonBlocking: Bool = true) throws(WatchError) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw WatchError(operation: "pipe", code: errno) }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            if nonBlocking { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Wakes the reader; a full pipe already holds a wake-up, so that case needs nothing more.
    func signal() {
        var byte: UInt8 = 1
        while write(writeEnd, &byte, 1) < 0 && errno == EINTR {}
    }

    /// Consumes every pending wake-up (non-blocking pipe).
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if count > 0 { continue }
            if count < 0 && errno == EINTR { continue }
            return
        }
    }

    /// Blocks until one wake-up arrives (blocking pipe).
    func awaitSignal() {
        var byte: UInt8 = 0
        while read(readEnd, &byte, 1) < 0 && errno == EINTR {}
    }
}
