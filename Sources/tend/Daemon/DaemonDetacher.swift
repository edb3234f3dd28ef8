import ArgumentParser
import Glibc
import SystemPackage
import TendControl
import TendCore
import TendSystem

/// `tend daemon --detach`: starts the daemon in a session of its own (through setsid(1), so it outlives
/// this process and has no controlling terminal), then returns once its control socket answers, or fails
/// with what the daemon logged when it does not come up.
struct DaemonDetacher {
    let mainFile: String
    let daemon: DaemonConfig
    let workingDirectory: String
    let logFormat: DaemonConfig.LogFormat?

    /// How long the daemon may take to answer on its socket.
    static let patience: Duration = .seconds(30)

    func detach() async throws {
        let logPath = daemon.logfile.hasPrefix("/dev/std") ? daemon.logDirectory + "/tend.log" : daemon.logfile
        _ = mkdir(daemon.logDirectory, 0o755)
        let output = try FileDescriptor.open(logPath, .writeOnly, options: [.create, .append, .closeOnExec], permissions: [.ownerReadWrite, .groupRead, .otherRead])
        let input = try FileDescriptor.open("/dev/null", .readOnly, options: .closeOnExec)
        defer { try? output.close(); try? input.close() }
        let startOffset = (try? output.seek(offset: 0, from: .end)) ?? 0
        var arguments = ["/usr/bin/setsid", "--fork", Self.executablePath(), "daemon", "-c", PathResolution.resolve(mainFile, against: workingDirectory)]
        if let logFormat { arguments += ["--log-format", logFormat.rawValue] }
        var environment = DaemonEnvironment.current()
        environment.removeValue(forKey: "NOTIFY_SOCKET")
        do {
            _ = try Reaper.shared.spawn(SpawnRequest(
                arguments: arguments, environment: environment.map { "\($0.key)=\($0.value)" },
                directory: FilePath(workingDirectory), standardInput: input, standardOutput: output, standardError: output
            )) { _ in }
        } catch {
            FileHandleOutput.standardError.write("tend: cannot start the daemon: \(error)\n")
            throw ExitCode(1)
        }
        let client = ControlClient(socketPath: daemon.socket)
        let deadline = ContinuousClock.now + Self.patience
        while ContinuousClock.now < deadline {
            if (try? await client.version()) != nil, let pid = PidFile.read(daemon.pidfile) {
                FileHandleOutput.standardOutput.write("tend daemon started: pid \(pid), socket \(daemon.socket), log \(logPath)\n")
                return
            }
            if daemonGaveUp(logPath: logPath, from: startOffset) { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        FileHandleOutput.standardError.write("tend: the daemon did not start; it logged:\n" + logged(logPath, from: startOffset))
        throw ExitCode(1)
    }

    /// Whether the daemon has logged a reason it will not start (its critical lines).
    private func daemonGaveUp(logPath: String, from offset: Int64) -> Bool {
        let text = logged(logPath, from: offset)
        return text.contains("CRITICAL") || text.contains("\"critical\"") || text.contains("is invalid; not starting")
    }

    private func logged(_ path: String, from offset: Int64) -> String {
        guard let file = try? FileDescriptor.open(path, .readOnly, options: .closeOnExec) else { return "" }
        defer { try? file.close() }
        var bytes = [UInt8](repeating: 0, count: 16384)
        let count = (try? bytes.withUnsafeMutableBytes { try file.read(fromAbsoluteOffset: offset, into: $0) }) ?? 0
        return String(decoding: bytes[0..<count], as: UTF8.self)
    }

    /// This executable's path, so the daemon runs the same binary.
    static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return count > 0 ? String(nulTerminated: buffer) : CommandLine.arguments[0]
    }
}
