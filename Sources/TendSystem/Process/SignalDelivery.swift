import SystemPackage

/// The outcome of signalling a child that tend started.
public enum SignalDelivery: Sendable, Hashable {
    /// The kernel accepted the signal for the child (or its group).
    case delivered
    /// The child has already exited (perhaps not reaped yet); nothing was signalled.
    case alreadyExited
}

/// A signal that could not be sent for another reason than the child having exited.
public struct SignalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The system call that failed: `pidfd_send_signal` or `kill`.
    public let syscall: String
    /// The error it reported.
    public let errno: Errno
    /// A plain sentence naming the child and the signal.
    public let message: String

    /// The plain sentence, for logs and the control API.
    public var description: String { message }
}
