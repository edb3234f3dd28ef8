/// Keeps each configuration file's last good fragment, so that a file that turns invalid keeps its
/// programs running as they were until it is fixed, without holding back changes to any other file.
public struct LastKnownGood: Sendable {
    /// Each file's latest fragment without errors.
    ///
    /// The configuration assembled from them is not kept: whoever reconciles holds its desired state already,
    /// and a second copy of every program (about 0.4 KiB each) would only stand by for a reload that fails.
    public private(set) var fragments: [String: ConfigFragment] = [:]

    public init() {}

    /// The outcome of taking in a fresh load.
    public struct Outcome: Sendable {
        /// The configuration to reconcile towards: the fresh one where it is valid, the last good one of each
        /// broken file otherwise. Nil when the load gives nothing new to reconcile towards (the main file or
        /// the assembly is broken, or which files the configuration has is unknown): what runs keeps running
        /// as it was.
        public var config: Config?
        /// Every diagnostic of the fresh load.
        public var diagnostics: [Diagnostic]
        /// The files whose errors made tend keep their last good fragment (or nothing, for a new file). When the
        /// load's includes are unknown, only the main file: the others were not read, so nothing is known about
        /// them, broken or fixed.
        public var brokenFiles: [String]
    }

    /// Takes in the files of a fresh load and assembles what to reconcile towards.
    ///
    /// When the load cannot say which files the configuration has (the main file cannot be parsed, its include
    /// list is invalid, or an include directory cannot be read), nothing is taken in once something was: a
    /// file missing from the load may still be there, and dropping its programs would stop them for a typo.
    /// The main file is then reported as broken. A first load takes in what it could read.
    public mutating func update(_ files: ConfigFiles, host: HostFacts) -> Outcome {
        let diagnostics = files.fragments.flatMap(\.diagnostics) + files.diagnostics
        guard files.includesAreKnown || fragments.isEmpty else {
            return Outcome(config: nil, diagnostics: diagnostics.sortedByLocation(), brokenFiles: [files.mainFile])
        }
        // A first load that could not read every include: the main file carries the error that says why.
        var broken: [String] = files.includesAreKnown ? [] : [files.mainFile]
        func effective(_ fragment: ConfigFragment) -> ConfigFragment? {
            if fragment.diagnostics.containsErrors {
                broken.append(fragment.file)
                return fragments[fragment.file]
            }
            fragments[fragment.file] = fragment
            return fragment
        }
        guard let mainFragment = effective(files.main) else {
            return Outcome(config: nil, diagnostics: diagnostics.sortedByLocation(), brokenFiles: Array(Set(broken)).sorted())
        }
        let present = Set(files.fragments.map(\.file))
        fragments = fragments.filter { present.contains($0.key) }
        let chosen = files.includes.compactMap(effective)
        let assembled = ConfigAssembler.assemble(main: mainFragment, includes: chosen, host: host)
        let assemblyProblems = assembled.diagnostics.filter { candidate in !diagnostics.contains(candidate) }
        if assembled.config == nil {
            broken.append(contentsOf: Set(assemblyProblems.filter { $0.severity == .error }.map(\.file)).sorted())
        }
        return Outcome(
            config: assembled.config, diagnostics: (diagnostics + assemblyProblems).sortedByLocation(),
            brokenFiles: Array(Set(broken)).sorted())
    }
}
