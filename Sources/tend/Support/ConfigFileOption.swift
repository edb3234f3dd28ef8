import ArgumentParser
import Glibc
import TendCore

/// `-c FILE`: the main configuration file, shared by every command that reads the configuration.
struct ConfigFileOption: ParsableArguments {
    @Option(name: [.customShort("c"), .customLong("config")], help: ArgumentHelp(
        "The main configuration file (TOML or JSON).",
        discussion: "Without it tend uses ./tend.toml, else /etc/tend/tend.toml.",
        valueName: "FILE"))
    var file: String?

    /// The places looked at, in order, when no file is named.
    static let searchPath = ["tend.toml", "/etc/tend/tend.toml"]

    /// The file named with -c, or the first of the search path that exists (saying so on stderr), or nil
    /// with a message on stderr when there is none.
    func resolve(announce: Bool = true) -> String? {
        Self.resolve(file, announce: announce)
    }

    /// `file` when given, else the first of the search path that exists, as `resolve(announce:)` says.
    static func resolve(_ file: String?, announce: Bool = true) -> String? {
        if let file { return file }
        for candidate in Self.searchPath where access(candidate, F_OK) == 0 {
            if announce {
                FileHandleOutput.standardError.write("tend: using \(candidate == "tend.toml" ? "./tend.toml" : candidate)\n")
            }
            return candidate
        }
        FileHandleOutput.standardError.write(
            "tend: no configuration file: neither ./tend.toml nor /etc/tend/tend.toml exists; name one with -c FILE, or create one with `tend init`\n")
        return nil
    }
}
