import Foundation
import Testing
import TendTestKit

@Suite struct InitCommandTests {
    @Test func writesAStarterThatPassesCheck() async throws {
        let scratch = try ScratchDirectory()
        let written = try await TendBinary.run(["init", "site"], in: scratch.path)
        #expect(written.status == 0)
        #expect(written.stdout.hasPrefix("wrote site/tend.toml\nwrote site/conf.d/hello.toml\n"))
        #expect(written.stdout.contains("tend check -c site/tend.toml"))
        let checked = try await TendBinary.run(["check", "-c", "site/tend.toml"], in: scratch.path)
        #expect(checked.stdout == "site/tend.toml: valid: 1 program (1 process) in 2 files\n")
        #expect(checked.status == 0)
    }

    @Test func refusesToOverwriteWithoutForce() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("tend.toml", "# mine\n")
        let refused = try await TendBinary.run(["init"], in: scratch.path)
        #expect(refused.status == 1)
        #expect(refused.stderr == "tend: not overwriting ./tend.toml; use --force to replace\n")
        #expect(try scratch.read("tend.toml") == "# mine\n")
        let forced = try await TendBinary.run(["init", "--force"], in: scratch.path)
        #expect(forced.status == 0)
        #expect(try scratch.read("tend.toml").hasPrefix("# tend's main configuration file."))
    }
}
