import Glibc
import SystemPackage
import TendCore
import Testing
@testable import TendSystem

@Suite struct SpawnTests {
    @Test(arguments: SpawnPath.allCases)
    func argumentsArriveIntactWithoutAShell(path: SpawnPath) async throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        var request = output.request(["printf", "[%s]\\n", "two words", "it's \"quoted\"", "", "$HOME", "*", "a;b|c"])
        request.umask = path.umask
        let exit = try await run(request)
        #expect(exit.termination == .exited(code: 0))
        #expect(output.standardOutput == "[two words]\n[it's \"quoted\"]\n[]\n[$HOME]\n[*]\n[a;b|c]\n")
    }

    @Test(arguments: SpawnPath.allCases)
    func theStandardDescriptorsAreInstalled(path: SpawnPath) async throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        let input = try FileDescriptor.open(
            FilePath(try directory.write("input", "from stdin\n")), .readOnly, options: .closeOnExec)
        defer { try? input.close() }
        // stderr shares stdout's descriptor, as redirect_stderr asks.
        var request = SpawnRequest(
            arguments: ["/bin/sh", "-c", "cat; echo to stderr >&2"], environment: ["PATH=/usr/bin:/bin"],
            umask: path.umask, standardInput: input, standardOutput: output.output, standardError: output.output)
        request.directory = nil
        _ = try await run(request)
        #expect(output.standardOutput == "from stdin\nto stderr\n")
    }

    @Test(arguments: SpawnPath.allCases)
    func theEnvironmentIsExactlyTheComposedOne(path: SpawnPath) async throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        let environment = LaunchEnvironment(
            daemon: ["PATH": "/usr/bin:/bin", "LANG": "C"], program: ["PORT": "8000"],
            processName: "web_01", groupName: "web")
        var request = output.request(["env"], environment: environment.entries)
        request.umask = path.umask
        _ = try await run(request)
        let lines = output.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.sorted() == environment.entries)
        #expect(lines.contains("TEND_PROCESS_NAME=web_01"))
        #expect(lines.contains("SUPERVISOR_ENABLED=1"))
        #expect(lines.contains("SUPERVISOR_GROUP_NAME=web"))
    }

    @Test(arguments: SpawnPath.allCases)
    func theWorkingDirectoryIsApplied(path: SpawnPath) async throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        var request = output.request(["/bin/pwd"])
        request.directory = FilePath(directory.path)
        request.umask = path.umask
        _ = try await run(request)
        #expect(output.standardOutput == directory.path + "\n")
    }

    @Test(arguments: [0o027, 0o077, 0o002])
    func theUmaskIsApplied(mask: Int) async throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        var request = output.request(["/bin/sh", "-c", "umask"])
        request.umask = FilePermissions(rawValue: CModeT(mask))
        _ = try await run(request)
        #expect(output.standardOutput == "0" + String(mask, radix: 8).leftPadded(to: 3) + "\n")
    }

    @Test(arguments: ["nobody", "65534"])
    func theUserSwitchSetsUIDGIDAndSupplementaryGroups(user: String) async throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        // The child writes into files root opened; it only needs to read its own status.
        var request = output.request(["/bin/cat", "/proc/self/status"])
        request.user = user
        let exit = try await run(request)
        #expect(exit.termination == .exited(code: 0))
        let status = output.standardOutput
        #expect(statusField("Uid", in: status) == "65534\t65534\t65534\t65534")
        #expect(statusField("Gid", in: status) == "65534\t65534\t65534\t65534")
        #expect(statusField("Groups", in: status) == "65534")
    }

    @Test(arguments: SpawnPath.allCases)
    func everyDescriptorAbove2IsClosed(path: SpawnPath) async throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        // A descriptor without close-on-exec, as a library might leave one (libinotifytools does).
        let leaky = open("/dev/null", O_RDONLY)
        try #require(leaky > 2)
        defer { close(leaky) }
        var request = output.request(["/bin/sh", "-c", "ls /proc/$$/fd"])
        request.umask = path.umask
        _ = try await run(request)
        #expect(output.standardOutput.split(separator: "\n").sorted() == ["0", "1", "2"])
    }

    /// The spawner passes stdio through reserved descriptor slots: once the child runs they must no longer
    /// hold its pipe, or the reader would never see end of file after the child and the caller close theirs.
    @Test(arguments: SpawnPath.allCases)
    func theDaemonKeepsNoCopyOfAChildsPipe(path: SpawnPath) async throws {
        let pipe = try LogPipe.make()
        let (readEnd, writeEnd) = (pipe.readEnd.rawValue, pipe.writeEnd.rawValue)
        defer { close(readEnd) }
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        var request = output.request(["/bin/echo", "through the pipe"])
        request.standardOutput = FileDescriptor(rawValue: writeEnd)
        request.umask = path.umask
        let started = try StartedChild(request)
        close(writeEnd)
        _ = try await started.exit()
        var buffer = [UInt8](repeating: 0, count: 64)
        let first = read(readEnd, &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(first, 0)), as: UTF8.self) == "through the pipe\n")
        #expect(read(readEnd, &buffer, buffer.count) == 0, "end of file: no other write end is open")
    }

    @Test(arguments: SpawnPath.allCases)
    func theSignalMaskAndIgnoredSignalsAreReset(path: SpawnPath) async throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        var request = output.request(["/bin/cat", "/proc/self/status"])
        request.umask = path.umask
        let started = try withSignalsBlockedAndIgnored { try StartedChild(request) }
        _ = try await started.exit()
        #expect(statusField("SigBlk", in: output.standardOutput) == "0000000000000000")
        let ignored = try #require(statusField("SigIgn", in: output.standardOutput).flatMap { UInt64($0, radix: 16) })
        #expect(ignored == 0)
    }

    /// Runs `body` on this thread with SIGUSR1 blocked in this thread and SIGUSR2 ignored by the process.
    private func withSignalsBlockedAndIgnored<R>(_ body: () throws -> R) rethrows -> R {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGUSR1)
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        let previousHandler = Glibc.signal(SIGUSR2, SIG_IGN)
        defer {
            Glibc.signal(SIGUSR2, previousHandler)
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        var mine = sigset_t()
        pthread_sigmask(SIG_SETMASK, nil, &mine)
        precondition(sigismember(&mine, SIGUSR1) == 1)
        return try body()
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
