import Testing
import TendCore
@testable import tend

/// `tend daemon` reads its usual options without ArgumentParser; it must read them as ArgumentParser does,
/// and leave everything else to it.
@Suite struct DaemonCommandLineTests {
    @Test(arguments: [
        ["daemon"],
        ["daemon", "-c", "tend.toml"],
        ["daemon", "--config", "/etc/tend/tend.toml", "--detach"],
        ["daemon", "--config=conf/tend.toml"],
        ["daemon", "--detach", "--log-format", "json", "-c", "a.toml"],
        ["daemon", "--log-format=human"],
        ["daemon", "-c", ""],
    ])
    func theUsualFormsReadAsArgumentParserReadsThem(arguments: [String]) throws {
        let own = try #require(DaemonCommandLine.request(from: arguments))
        let parsed = try #require(try Tend.parseAsRoot(arguments) as? Tend.Daemon)
        #expect(own == Tend.Daemon.Request(configFile: parsed.config.file, logFormat: parsed.logFormat, detach: parsed.detach))
    }

    @Test(arguments: [
        ["status"],
        ["daemon", "--help"],
        ["daemon", "-h"],
        ["daemon", "-c"],
        ["daemon", "-c", "--detach"],
        ["daemon", "-c", "a.toml", "--config", "b.toml"],
        ["daemon", "--detach", "--detach"],
        ["daemon", "--detach=yes"],
        ["daemon", "--log-format", "xml"],
        ["daemon", "--verbose"],
        ["daemon", "--", "-c"],
        ["daemon", "extra"],
    ])
    func everythingElseIsLeftToArgumentParser(arguments: [String]) {
        #expect(DaemonCommandLine.request(from: arguments) == nil)
    }
}
