#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// Runs a system call that returns -1 with errno on failure, retrying it while it was interrupted by a signal,
/// so every log path caller handles EINTR in exactly one place.
@inline(__always)
func retryingLogCall<Result: BinaryInteger>(
    _ operation: String, path: String? = nil, _ call: () -> Result
) throws(LogIOError) -> Result {
    while true {
        let result = call()
        if result >= 0 { return result }
        let error = Errno(rawValue: Glibc.errno)
        if error != .interrupted { throw LogIOError(operation, path: path, errno: error) }
    }
}

/// The current errno as a typed value, read right after a failing call.
var lastLogErrno: Errno { Errno(rawValue: Glibc.errno) }
