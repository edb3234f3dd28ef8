import TendCore

/// `tend daemon`'s command line, read without ArgumentParser.
///
/// ArgumentParser finds a command's options by reflection (`Mirror`), and its casts scan every protocol
/// conformance record in the binary: in the daemon, a process that lives for months, that left about a MiB
/// of code, metadata and descriptors resident for one parse at start. The daemon's options are few, so the
/// usual forms of them are read here; anything else (`--help`, an unknown or repeated option, a value that
/// looks like an option) is left to ArgumentParser, which answers it as for any other command. Help, shell
/// completions and the man page still come from the `Tend.Daemon` definition.
enum DaemonCommandLine {
    /// The request that `arguments` (the command line after `tend`) make, or nil when they are not `daemon`
    /// followed only by `-c`/`--config FILE`, `--log-format FORMAT` (also `--NAME=VALUE`) and `--detach`,
    /// each at most once.
    static func request(from arguments: [String]) -> Tend.Daemon.Request? {
        guard arguments.first == "daemon" else { return nil }
        var request = Tend.Daemon.Request()
        var seen = Set<String>()
        var rest = arguments.dropFirst()[...]
        while let argument = rest.popFirst() {
            var name = argument
            var value: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            guard seen.insert(name == "-c" ? "--config" : name).inserted else { return nil }
            switch name {
            case "--detach":
                guard value == nil else { return nil }
                request.detach = true
            case "-c", "--config", "--log-format":
                if value == nil {
                    guard let next = rest.popFirst(), !next.hasPrefix("-") else { return nil }
                    value = next
                }
                guard let value else { return nil }
                if name == "--log-format" {
                    guard let format = DaemonConfig.LogFormat(rawValue: value) else { return nil }
                    request.logFormat = format
                } else {
                    request.configFile = value
                }
            default:
                return nil
            }
        }
        return request
    }
}
