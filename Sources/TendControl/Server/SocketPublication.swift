import Glibc
import TendSystem

/// Puts the control socket at its path with the configured mode and owner, and never with any other:
/// the server binds inside a fresh private directory (mode 0700) next to the final path, the socket gets
/// its mode and owner there, and a `rename(2)` moves it into place atomically. A socket left by an
/// earlier daemon is replaced by that rename; the caller holds the `SocketLock`, so it is not a live one.
struct SocketPublication {
    /// Why the socket could not be prepared or published.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The longest path a unix socket address holds on Linux (`sun_path` less its terminating zero).
    static let maximumPathLength = 107

    let finalPath: String
    let mode: UInt32
    let owner: SocketOwner?
    /// The private directory the server binds in, or nil when the final path is too long to bind beside
    /// (then the server binds at the final path and the mode is set right after).
    let stagingDirectory: String?

    /// The path the server binds to.
    var bindPath: String { stagingDirectory.map { $0 + "/s" } ?? finalPath }

    /// Makes the private directory beside `finalPath`.
    init(finalPath: String, mode: UInt32, owner: SocketOwner?) throws(Failure) {
        self.finalPath = finalPath
        self.mode = mode
        self.owner = owner
        let slash = finalPath.lastIndex(of: "/")
        let directory = slash.map { String(finalPath[..<$0]) } ?? "."
        guard finalPath.utf8.count <= Self.maximumPathLength else {
            throw Failure(description: "the socket path \(finalPath) is longer than the \(Self.maximumPathLength) bytes a unix socket allows")
        }
        var info = stat()
        guard stat(directory.isEmpty ? "/" : directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw Failure(description: "cannot create the socket \(finalPath): its directory \(directory) does not exist")
        }
        let template = (directory.isEmpty ? "" : directory) + "/.tend-XXXXXX"
        guard template.utf8.count + 2 <= Self.maximumPathLength else {
            stagingDirectory = nil
            return
        }
        var buffer = Array(template.utf8CString)
        guard mkdtemp(&buffer) != nil else {
            throw Failure(description: "cannot create the socket \(finalPath): \(String(cString: strerror(errno)))")
        }
        stagingDirectory = String(nulTerminated: buffer)
    }

    /// Gives the bound socket its mode and owner and moves it to the final path; returns the published
    /// file's identity, so `remove` takes away only this daemon's socket.
    func publish() throws(Failure) -> (device: UInt64, inode: UInt64) {
        defer { removeStagingDirectory() }
        guard chmod(bindPath, mode_t(mode)) == 0 else { throw failure("cannot set the socket's mode") }
        if let owner, chown(bindPath, owner.userID, owner.groupID) != 0 { throw failure("cannot set the socket's owner") }
        if stagingDirectory != nil, rename(bindPath, finalPath) != 0 { throw failure("cannot move the socket into place") }
        var info = stat()
        guard stat(finalPath, &info) == 0 else { throw failure("cannot find the socket") }
        return (UInt64(info.st_dev), UInt64(info.st_ino))
    }

    /// Removes the socket at the final path if it is still the one `publish` put there.
    func remove(identity: (device: UInt64, inode: UInt64)) {
        var info = stat()
        guard stat(finalPath, &info) == 0, (UInt64(info.st_dev), UInt64(info.st_ino)) == identity else { return }
        unlink(finalPath)
    }

    /// Removes the private directory and anything bound in it (after a failed start).
    func removeStagingDirectory() {
        guard let stagingDirectory else { return }
        unlink(stagingDirectory + "/s")
        rmdir(stagingDirectory)
    }

    private func failure(_ what: String) -> Failure {
        Failure(description: "\(what) (\(finalPath)): \(String(cString: strerror(errno)))")
    }
}
