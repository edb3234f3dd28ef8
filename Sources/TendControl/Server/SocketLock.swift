import Glibc
import Synchronization

/// An exclusive `flock(2)` on `SOCKET.lock`, held for the daemon's life, so a second daemon pointed at the
/// same socket refuses to start instead of replacing the first one's socket (binding removes a stale
/// socket file, which would silently cut the first daemon off).
///
/// The lock file holds the owner's pid, so the refusal can name the daemon that holds it. The file is
/// never removed: removing it would let two daemons lock two different files of the same name.
public final class SocketLock: Sendable {
    /// Why the lock could not be taken.
    public struct Failure: Error, CustomStringConvertible {
        /// The lock file.
        public let path: String
        /// The pid written by the daemon holding the lock, when it could be read.
        public let holder: Int32?
        /// The system's reason, when the failure was not contention.
        public let reason: String?

        public var description: String {
            if let reason { return "cannot lock \(path): \(reason)" }
            let who = holder.map { "another tend daemon (pid \($0))" } ?? "another tend daemon"
            return "\(who) is already serving this socket: it holds \(path)"
        }
    }

    /// The lock file's path: the socket's path with `.lock` appended.
    public let path: String
    private let descriptor: Mutex<Int32?>

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = Mutex(descriptor)
    }

    /// Takes the lock for `socketPath` without waiting, and writes this process's pid into the lock file.
    public static func acquire(forSocket socketPath: String) throws(Failure) -> SocketLock {
        let path = socketPath + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure(path: path, holder: nil, reason: String(cString: strerror(errno))) }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            let holder = code == EWOULDBLOCK ? readPID(fd) : nil
            close(fd)
            throw Failure(path: path, holder: holder, reason: code == EWOULDBLOCK ? nil : String(cString: strerror(code)))
        }
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return SocketLock(path: path, descriptor: fd)
    }

    /// Lets the lock go; later calls do nothing. Dropping the last reference does the same.
    public func release() {
        descriptor.withLock { fd in
            if let open = fd { close(open) }
            fd = nil
        }
    }

    deinit {
        release()
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\n").first ?? ""
        return Int32(text)
    }
}
