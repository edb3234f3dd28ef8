import Glibc
import SystemPackage
import TendCore
import TendSystem

extension Supervisor {
    /// Spawns the process `name` with its applied settings: log pipes into the pump, the composed
    /// environment, and an exit callback that wakes the loop. Returns the pid, or the spawn error's message
    /// (which the lifecycle counts as a failed start).
    func launch(_ name: String) -> Result<Int32, LaunchFailure> {
        guard var process = processes[name] else { return .failure(LaunchFailure("no such process")) }
        let applied = process.observed.applied
        let spec = applied.spec
        var streams: [LogStreamID] = []
        var writeEnds: [FileDescriptor] = []
        defer { for descriptor in writeEnds { try? descriptor.close() } }
        func abandon(_ message: String) -> Result<Int32, LaunchFailure> {
            for stream in streams { pump.detach(stream) }
            return .failure(LaunchFailure(message))
        }
        func output(for destination: LogDestination) throws(LaunchFailure) -> FileDescriptor {
            switch destination {
            case .none, .stdout:
                return FileDescriptor(rawValue: devNull)
            case .file(let path, let maxBytes, let backups):
                do {
                    try ensureDirectory(PathResolution.directory(of: path))
                    var target = try LogOutput.open(path, rotation: LogRotation(maxBytes: maxBytes, backups: backups))
                    let pipe: LogPipe
                    do {
                        pipe = try LogPipe.make()
                    } catch {
                        target.close()
                        throw error
                    }
                    writeEnds.append(pipe.writeEnd)
                    streams.append(try pump.attach(pipe.readEnd, to: target) { _ in })
                    return pipe.writeEnd
                } catch let error as LaunchFailure {
                    throw error
                } catch {
                    throw LaunchFailure("cannot open log file \(path): \(error)")
                }
            }
        }
        let stdout: FileDescriptor, stderr: FileDescriptor
        do {
            stdout = try output(for: spec.stdout)
            stderr = spec.stderr == .stdout ? stdout : try output(for: spec.stderr)
        } catch {
            return abandon(error.message)
        }
        let environment = LaunchEnvironment(daemon: inheritedEnvironment, program: spec.environment, processName: name, groupName: applied.group)
        let request = SpawnRequest(
            arguments: spec.argv, environment: environment.entries, directory: spec.directory.map { FilePath($0) },
            umask: spec.umask.map { FilePermissions(rawValue: mode_t($0)) }, user: spec.user,
            standardInput: FileDescriptor(rawValue: devNull), standardOutput: stdout, standardError: stderr)
        let mailbox = self.mailbox
        let child: ChildProcess
        do {
            child = try reaper.spawn(request) { exit in
                mailbox.post(.exited(name: name, serial: exit.child.serial, termination: exit.termination, at: exit.time))
            }
        } catch {
            return abandon(error.message)
        }
        process.child = child
        process.logStreams = streams
        process.startedAtWallClock = WallClock.now()
        processes[name] = process
        return .success(child.pid)
    }

    /// Creates `path` and its parents once per daemon (log directories).
    private func ensureDirectory(_ path: String) throws(LaunchFailure) {
        guard !createdDirectories.contains(path) else { return }
        do {
            try DirectoryCreation.create(path)
        } catch {
            throw LaunchFailure("cannot create log directory \(error.path): \(error.reason)")
        }
        createdDirectories.insert(path)
    }
}

/// Why a process could not be launched, in the words its status shows.
struct LaunchFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
