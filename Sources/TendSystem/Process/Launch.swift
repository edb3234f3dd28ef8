import CTendSystem
import Glibc
import SystemPackage

/// A spawn request resolved to what the child needs (executable path, account, open working directory), so
/// that everything which can fail by name fails before a process exists, and the start itself only carries
/// out system calls. Owns the working directory's descriptor until it goes away.
struct Launch: ~Copyable {
    private let request: SpawnRequest
    private let executable: String
    private let userSwitch: UserSwitch
    private let directory: FileDescriptor?

    init(_ request: SpawnRequest) throws(SpawnError) {
        guard let program = request.arguments.first else {
            throw SpawnError(kind: .noSuchFile, syscall: "execve", errno: .invalidArgument,
                             message: "cannot execute an empty command")
        }
        let executable = try ExecutableLookup.resolve(program, searchPath: request.searchPath)
        var account: UserAccount?
        if let user = request.user { account = try UserAccount.lookUp(user) }
        let userSwitch = try UserSwitch.decide(for: account, effectiveUID: geteuid())
        let directory = try request.directory.map(Launch.openDirectory)
        self.request = request
        self.executable = executable
        self.userSwitch = userSwitch
        self.directory = directory
    }

    private static func openDirectory(_ path: FilePath) throws(SpawnError) -> FileDescriptor {
        do {
            return try FileDescriptor.open(path, .readOnly, options: [.directory, .closeOnExec])
        } catch {
            let errno = error as? Errno ?? .ioError
            throw SpawnError(kind: .badDirectory, syscall: "open", errno: errno,
                             message: "cannot change to directory \(path): \(errno)")
        }
    }

    deinit {
        try? directory?.close()
    }

    /// Starts the child; returns its pid and a pidfd for it, which the caller then owns.
    func start() throws(SpawnError) -> (pid: pid_t, pidfd: Int32) {
        var account: UserAccount?
        if case .switchTo(let target) = userSwitch { account = target }
        let groups = account?.groups ?? []
        var result = tend_spawn_result()
        withCStringArray(request.arguments) { argv in
            withCStringArray(request.environment) { envp in
                groups.withUnsafeBufferPointer { groupList in
                    executable.withCString { path in
                        var spawn = tend_spawn_request(
                            path: path, argv: argv, envp: envp,
                            directory_fd: directory?.rawValue ?? -1,
                            umask: request.umask.map { Int32($0.rawValue) } ?? -1,
                            stdin_fd: request.standardInput.rawValue,
                            stdout_fd: request.standardOutput.rawValue,
                            stderr_fd: request.standardError.rawValue,
                            switch_user: account == nil ? 0 : 1,
                            uid: account?.uid ?? 0, gid: account?.gid ?? 0,
                            groups: groupList.baseAddress, group_count: Int32(groupList.count))
                        _ = tend_spawn(&spawn, &result)
                    }
                }
            }
        }
        guard result.error == 0 else {
            throw SpawnError.launchFailure(
                syscall: result.syscall.map { String(cString: $0) } ?? "clone",
                errno: Errno(rawValue: result.error), program: executable,
                directory: request.directory?.string)
        }
        return (result.pid, result.pidfd)
    }
}

/// Calls `body` with a NULL-terminated array of C strings copied from `strings`: all of them in one buffer,
/// so a launch with fifty environment variables costs two allocations rather than fifty-one.
private func withCStringArray<R>(
    _ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R
) -> R {
    let size = strings.reduce(0) { $0 + $1.utf8.count + 1 }
    let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: max(size, 1))
    defer { buffer.deallocate() }
    var pointers: [UnsafeMutablePointer<CChar>?] = []
    pointers.reserveCapacity(strings.count + 1)
    var offset = 0
    for string in strings {
        let start = buffer + offset
        var copy = string
        copy.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { characters in
                start.update(from: characters.baseAddress!, count: characters.count)
            }
            start[bytes.count] = 0
            offset += bytes.count + 1
        }
        pointers.append(start)
    }
    pointers.append(nil)
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
