import Glibc
import SystemPackage
import Testing
@testable import TendSystem

@Suite struct SpawnErrorTests {
    /// One way to get a program wrong, and the spawn error it must give.
    enum Failure: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case missingPath, missingFromPATH, noExecuteBit, notAnExecutableFormat, aDirectory
        case missingDirectory, directoryIsAFile, unknownUserName, unknownUserID

        var testDescription: String { rawValue }

        var expectedKind: SpawnError.Kind {
            switch self {
            case .missingPath, .missingFromPATH: .noSuchFile
            case .noExecuteBit, .notAnExecutableFormat, .aDirectory: .notExecutable
            case .missingDirectory, .directoryIsAFile: .badDirectory
            case .unknownUserName, .unknownUserID: .unknownUser
            }
        }

        func request(_ output: ChildOutput, in directory: TemporaryDirectory) throws -> (SpawnRequest, String) {
            var request = output.request(["/bin/true"])
            switch self {
            case .missingPath:
                request.arguments = ["/nonexistent/tend-program"]
                return (request, "cannot execute /nonexistent/tend-program: No such file or directory")
            case .missingFromPATH:
                request.arguments = ["tend-no-such-program"]
                return (request, "cannot execute tend-no-such-program: not found in PATH (/usr/bin:/bin)")
            case .noExecuteBit:
                let script = try directory.write("script", "#!/bin/sh\nexit 0\n", mode: 0o644)
                request.arguments = [script]
                return (request, "cannot execute \(script): Permission denied")
            case .notAnExecutableFormat:
                let garbage = try directory.write("garbage", "\u{1}\u{2}not a program\n", mode: 0o755)
                request.arguments = [garbage]
                return (request, "cannot execute \(garbage): Exec format error")
            case .aDirectory:
                request.arguments = [directory.path]
                return (request, "cannot execute \(directory.path): Permission denied")
            case .missingDirectory:
                request.directory = FilePath(directory.file("missing"))
                return (request, "cannot change to directory \(directory.file("missing")): No such file or directory")
            case .directoryIsAFile:
                let file = try directory.write("plain", "")
                request.directory = FilePath(file)
                return (request, "cannot change to directory \(file): Not a directory")
            case .unknownUserName:
                request.user = "tend-no-such-user"
                return (request, "cannot run as user tend-no-such-user: no such user")
            case .unknownUserID:
                request.user = "4242424"
                return (request, "cannot run as user 4242424: no such user")
            }
        }
    }

    @Test(arguments: Failure.allCases, SpawnPath.allCases)
    func aProgramThatCannotStartGivesASpawnErrorNamingIt(failure: Failure, path: SpawnPath) throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        var (request, message) = try failure.request(output, in: directory)
        request.umask = path.umask
        let error = #expect(throws: SpawnError.self) { try Reaper.shared.spawn(request) { _ in } }
        #expect(error?.kind == failure.expectedKind)
        #expect(error?.message == message)
    }

    @Test(arguments: SpawnPath.allCases)
    func aFailingExecForAnotherReasonIsAnOtherError(path: SpawnPath) throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        var request = output.request(["/bin/true", String(repeating: "x", count: 200_000)])
        request.umask = path.umask
        let error = #expect(throws: SpawnError.self) { try Reaper.shared.spawn(request) { _ in } }
        #expect(error?.kind == .other)
        #expect(error?.errno == .argListTooLong)
        #expect(error?.message.hasPrefix("cannot start /bin/true: ") == true)
    }

    @Test(arguments: SpawnPath.allCases)
    func aClosedStandardDescriptorIsASpawnError(path: SpawnPath) throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        var request = output.request(["/bin/true"])
        request.standardOutput = FileDescriptor(rawValue: 999_999)
        request.umask = path.umask
        let error = #expect(throws: SpawnError.self) { try Reaper.shared.spawn(request) { _ in } }
        #expect(error?.kind == .other)
        #expect(error?.errno == .badFileDescriptor)
    }

    @Test func anEmptyCommandIsASpawnError() throws {
        let directory = try TemporaryDirectory()
        let output = try ChildOutput(in: directory)
        let request = output.request([])
        let error = #expect(throws: SpawnError.self) { try Reaper.shared.spawn(request) { _ in } }
        #expect(error?.kind == .noSuchFile)
    }

    @Test(arguments: [(0, 65534, true), (65534, 65534, false), (1000, 0, false), (1000, 65534, false)])
    func onlyRootSwitchesUsers(effectiveUID: UInt32, targetUID: UInt32, switches: Bool) throws {
        let account = UserAccount(name: "someone", uid: targetUID, gid: targetUID, groups: [targetUID])
        if effectiveUID == 0 || effectiveUID == targetUID {
            let decision = try UserSwitch.decide(for: account, effectiveUID: effectiveUID)
            #expect(decision == (switches ? .switchTo(account) : .keep))
        } else {
            let error = #expect(throws: SpawnError.self) {
                try UserSwitch.decide(for: account, effectiveUID: effectiveUID)
            }
            #expect(error?.kind == .notPermitted)
            #expect(error?.message == "cannot run as user someone: tend runs as uid \(effectiveUID), and only root can switch users")
        }
    }

    @Test func noUserMeansNoSwitch() throws {
        #expect(try UserSwitch.decide(for: nil, effectiveUID: 1000) == .keep)
    }
}
