import CTendSystem
import Glibc
import Synchronization
import SystemPackage

/// Turns the daemon's signals into calls on a thread of its own: each relayed signal's handler only writes
/// its number into a pipe, and the relay's thread reads the pipe and calls what `on` registered, so nothing
/// runs in signal-handler context. Unlike a dispatch signal source it starts no libdispatch worker pool,
/// which would wake the daemon every second from then on. One relay per process; children get default
/// dispositions back from the spawner.
public final class SignalRelay: Sendable {
    /// The process's relay, with its thread started on first use.
    public static let shared = SignalRelay()

    private let handlers = Mutex<[Int32: @Sendable () -> Void]>([:])

    private init() {
        let readEnd = tend_signal_relay_open()
        if readEnd < 0 { fatalError("tend cannot relay signals: pipe2 failed: \(Errno(rawValue: errno))") }
        let started = DedicatedThread.start { [self] in
            tend_process_name_thread("tend-signals")
            _ = tend_io_block_signals()
            while true {
                let signal = tend_signal_relay_next(readEnd)
                if signal <= 0 { return }
                handlers.withLock { $0[signal] }?()
            }
        }
        if started != 0 { fatalError("tend cannot relay signals: pthread_create failed: \(Errno(rawValue: started))") }
    }

    /// Calls `handler` on the relay's thread each time `signal` arrives (a burst may be delivered once);
    /// replaces an earlier handler for the same signal.
    public func on(_ signal: Int32, _ handler: @escaping @Sendable () -> Void) {
        handlers.withLock { $0[signal] = handler }
        if tend_signal_relay(signal) != 0 {
            fatalError("tend cannot handle signal \(signal): sigaction failed: \(Errno(rawValue: errno))")
        }
    }
}
