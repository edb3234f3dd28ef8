import Foundation
import Testing
import TendTestKit

@Suite struct CheckCommandTests {
    @Test func fiveMistakesInTwoFilesGiveFiveLocatedErrors() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("tend.toml", """
            [daemon]
            log_dir = "logs"

            [program.web]
            command = "python3 -m http.server"
            startsecs = -1
            autorestart = "sometimes"
            """)
        try scratch.write("conf.d/worker.toml", """
            [program.worker]
            command = "php artisan queue:work"
            numprocs = 0
            stopsignal = "TREM"
            stopwaitsec = 3
            """)
        let outcome = try await TendBinary.run(["check", "-c", "tend.toml"], in: scratch.path)
        #expect(outcome.status == 1)
        #expect(outcome.stdout == """
            conf.d/worker.toml:3:12: error: program.worker.numprocs: must be at least 1, found 0
            conf.d/worker.toml:4:14: error: program.worker.stopsignal: unknown signal "TREM"; did you mean "TERM"?
            conf.d/worker.toml:5:1: error: program.worker.stopwaitsec: unknown key "stopwaitsec" in program.worker; did you mean "stopwaitsecs"?
            tend.toml:6:13: error: program.web.startsecs: must be zero or more, found -1
            tend.toml:7:15: error: program.web.autorestart: "sometimes" is not one of "always", "unexpected", "never" (or true / false)
            tend.toml: invalid: 5 errors in 2 files

            """)
    }

    @Test func theShippedExamplesAreValid() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let outcome = try await TendBinary.run(["check", "-c", "examples/tend.toml"], in: root.path)
        #expect(outcome.stdout.hasPrefix("examples/tend.toml: valid: "), "\(outcome.stdout)")
        #expect(outcome.status == 0)
    }

    @Test func withoutDashCItUsesTheLocalTendTomlAndSaysSo() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("tend.toml", "[program.a]\ncommand = \"sleep 1\"\n")
        let outcome = try await TendBinary.run(["check"], in: scratch.path)
        #expect(outcome.stderr == "tend: using ./tend.toml\n")
        #expect(outcome.stdout == "tend.toml: valid: 1 program (1 process) in 1 file\n")
        #expect(outcome.status == 0)
    }

    @Test func anUnreadableMainFileExitsTwo() async throws {
        let scratch = try ScratchDirectory()
        let outcome = try await TendBinary.run(["check", "-c", "missing.toml"], in: scratch.path)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "tend: cannot read missing.toml: no such file or directory\n")
    }

    @Test func aUsageErrorExitsTwo() async throws {
        let scratch = try ScratchDirectory()
        let outcome = try await TendBinary.run(["check", "--bogus"], in: scratch.path)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("Unknown option '--bogus'"))
    }

    @Test func badInputIsLocatedAndNeverCrashes() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("tend.toml", "# main\n")
        try scratch.write("conf.d/empty.toml", "")
        try scratch.write("conf.d/dup.toml", "[program.a]\ncommand = \"x\"\ncommand = \"y\"\n")
        try scratch.write("conf.d/trailing.json", #"{"program": {"b": {"command": "x",}}}"#)
        try scratch.write("conf.d/garbage.json", #"{"program": {}} xx"#)
        try scratch.write("conf.d/section.toml", "[programme.c]\ncommand = \"x\"\n")
        try Data([0x5B, 0x70, 0xFF, 0xFE, 0x00, 0x01, 0x89, 0x50, 0x4E, 0x47]).write(to: URL(fileURLWithPath: scratch.path + "/conf.d/binary.toml"))
        try FileManager.default.createDirectory(atPath: scratch.path + "/conf.d/dir.toml", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/conf.d/loop.toml", withDestinationPath: "loop.toml")
        let outcome = try await TendBinary.run(["check", "-c", "tend.toml"], in: scratch.path)
        #expect(outcome.status == 1)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            "conf.d/binary.toml:1:3: error: invalid UTF-8 byte 0xff",
            "conf.d/dir.toml:1:1: error: cannot read this file: it is a directory, not a file",
            "conf.d/dup.toml:3:11: error: duplicate key 'command': it is already defined as a string",
            "conf.d/empty.toml:1:1: error: the file is empty; it should define programs such as [program.NAME] with a command",
            "conf.d/garbage.json:1:17: error: unexpected 'x' after the end of the top-level object",
            "conf.d/loop.toml:1:1: error: cannot read this file: too many levels of symbolic links (a symlink loop?)",
            "conf.d/section.toml:1:2: error: programme: unknown section \"programme\"; did you mean \"program\"?",
            "conf.d/trailing.json:1:34: error: trailing comma before }",
            "tend.toml: invalid: 8 errors in 9 files",
        ])
    }

    @Test func aTenMegabyteFileIsChecked() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("tend.toml", "# main\n")
        var text = "[program.big]\ncommand = \"sleep 1\"\n"
        text += String(repeating: "# a comment line that pads the file out to ten megabytes of text......\n", count: 150_000)
        text += "startsecs = -2\n"
        try scratch.write("conf.d/big.toml", text)
        let outcome = try await TendBinary.run(["check", "-c", "tend.toml"], in: scratch.path)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.hasPrefix("conf.d/big.toml:150003:13: error: program.big.startsecs: must be zero or more, found -2\n"))
    }
}
