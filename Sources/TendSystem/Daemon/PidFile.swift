import Glibc

/// The daemon's pid file: written once the daemon holds its socket lock, removed when it exits.
public struct PidFile: Sendable {
    public let path: String

    /// Writes the current pid to `path` (replacing a stale file), or throws the system's reason.
    public static func write(to path: String) throws(PidFileError) -> PidFile {
        let text = "\(getpid())\n"
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw PidFileError(path: path, errno: errno) }
        let written = Glibc.write(descriptor, text, text.utf8.count)
        close(descriptor)
        guard written == text.utf8.count, rename(temporary, path) == 0 else { throw PidFileError(path: path, errno: errno) }
        return PidFile(path: path)
    }

    /// Removes the file if it still names this process.
    public func remove() {
        guard let text = try? String(contentsOfFileAt: path), Int32(text.trimmingCharacters()) == getpid() else { return }
        unlink(path)
    }

    /// The pid a pid file names, if it can be read.
    public static func read(_ path: String) -> Int32? {
        (try? String(contentsOfFileAt: path)).flatMap { Int32($0.trimmingCharacters()) }
    }
}

/// A pid file that could not be written.
public struct PidFileError: Error, CustomStringConvertible {
    public let path: String
    public let errno: Int32
    public var description: String { "cannot write the pid file \(path): \(String(cString: strerror(errno)))" }
}

private extension String {
    init(contentsOfFileAt path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PidFileError(path: path, errno: errno) }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(descriptor, &buffer, buffer.count)
        guard count >= 0 else { throw PidFileError(path: path, errno: errno) }
        self = String(decoding: buffer[0..<count], as: UTF8.self)
    }

    func trimmingCharacters() -> String {
        String(filter { !$0.isWhitespace })
    }
}
