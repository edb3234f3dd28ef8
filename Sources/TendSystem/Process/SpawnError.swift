import SystemPackage

/// Why a child could not be started. Shown in the process's status and counted as a failed start.
public struct SpawnError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad reason, for code that reacts to it.
    public enum Kind: String, Sendable, Hashable {
        /// The program does not exist (or is not in `PATH`).
        case noSuchFile
        /// The program exists but cannot be executed (no execute permission, not an executable format).
        case notExecutable
        /// The working directory does not exist or cannot be entered.
        case badDirectory
        /// The configured user does not exist.
        case unknownUser
        /// A user switch was asked for, but tend does not run as root.
        case notPermitted
        /// Any other failure of the system calls that start a process.
        case other
    }

    /// The broad reason.
    public let kind: Kind
    /// The system call that failed, such as `execve` or `getpwnam_r`.
    public let syscall: String
    /// The error the system call reported.
    public let errno: Errno
    /// A plain sentence naming the path or user, such as
    /// `cannot execute /usr/bin/nope: No such file or directory`.
    public let message: String

    /// Creates an error; `message` should name the path or user concerned.
    public init(kind: Kind, syscall: String, errno: Errno, message: String) {
        self.kind = kind
        self.syscall = syscall
        self.errno = errno
        self.message = message
    }

    /// The plain sentence, as a process's status shows it.
    public var description: String { message }

    /// Classifies a failure of the child's start-up steps (`fchdir`, `setresuid`, `execve`, `clone`…).
    static func launchFailure(syscall: String, errno: Errno, program: String, directory: String?) -> SpawnError {
        switch (syscall, errno) {
        case ("fchdir", _):
            return SpawnError(
                kind: .badDirectory, syscall: syscall, errno: errno,
                message: "cannot change to directory \(directory ?? "?"): \(errno)")
        case (_, .noSuchFileOrDirectory), (_, .notDirectory):
            return SpawnError(kind: .noSuchFile, syscall: syscall, errno: errno,
                              message: "cannot execute \(program): \(errno)")
        case ("execve", .permissionDenied), (_, .execFormatError),
             (_, .isDirectory):
            return SpawnError(kind: .notExecutable, syscall: syscall, errno: errno,
                              message: "cannot execute \(program): \(errno)")
        default:
            return SpawnError(kind: .other, syscall: syscall, errno: errno,
                              message: "cannot start \(program): \(syscall) failed: \(errno)")
        }
    }
}
