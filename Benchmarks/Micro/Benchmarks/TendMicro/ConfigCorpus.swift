import TendCore

/// The configuration the microbenchmarks load: a main file whose include names `conf.d/*.toml`, and
/// `files` files of `programsPerFile` programs each, every program a `sleep` like the daemon scenarios run.
struct ConfigCorpus: Sendable {
    let files: Int
    let programsPerFile: Int

    /// The main file's text: just the daemon section and its include.
    var mainFileText: String {
        """
        [daemon]
        include = ["conf.d/*.toml"]
        log_dir = "logs"
        state_dir = "state"

        """
    }

    /// The name of the included file at `index` (relative to the main file's directory).
    func fileName(_ index: Int) -> String {
        "conf.d/programs-\(index).toml"
    }

    /// The text of the included file at `index`: its share of the programs, with the keys a real file sets.
    func fileText(_ index: Int) -> String {
        var text = ""
        for number in 0..<programsPerFile {
            let name = "p\(index * programsPerFile + number)"
            text += """
                [program.\(name)]
                command = "sleep 100000"
                startsecs = 0
                autorestart = "unexpected"
                stopwaitsecs = 10
                stdout_logfile = "auto"

                """
        }
        return text
    }

    /// Every program in one file, for the parse and decode benchmarks.
    var singleFileText: String {
        (0..<files).map(fileText).joined()
    }

    /// A host with a fixed name and environment, so runs are comparable.
    static let host = HostFacts(hostName: "bench", environment: [:], userExists: { _ in true })
}
