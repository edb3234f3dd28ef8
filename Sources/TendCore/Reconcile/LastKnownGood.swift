/// Keeps each configuration file's last good fragment, so that a file that turns invalid keeps its
/// programs running as they were until it is fixed, without holding back changes to any other file.
public struct LastKnownGood: Sendable {
    /// Each file's latest fragment without errors.
    public private(set) var fragments: [String: ConfigFragment] = [:]
    /// The configuration last assembled without errors.
    public private(set) var config: Config?

    public init() {}

    /// The outcome of taking in a fresh load.
    public struct Outcome: Sendable {
        /// The configuration to reconcile towards: the fresh one where it is valid, the last good one of each
        /// broken file otherwise. Nil only if no valid configuration was ever seen.
        public var config: Config?
        /// Every diagnostic of the fresh load.
        public var diagnostics: [Diagnostic]
        /// The files whose errors made tend keep their last good fragment (or nothing, for a new file).
        public var brokenFiles: [String]
    }

    /// Takes in the fragments of a fresh load (the main file first) and assembles what to reconcile towards.
    public mutating func update(main: ConfigFragment, includes: [ConfigFragment], host: HostFacts) -> Outcome {
        var broken: [String] = []
        func effective(_ fragment: ConfigFragment) -> ConfigFragment? {
            if fragment.diagnostics.containsErrors {
                broken.append(fragment.file)
                return fragments[fragment.file]
            }
            fragments[fragment.file] = fragment
            return fragment
        }
        let all = [main] + includes
        let diagnostics = all.flatMap(\.diagnostics)
        guard let mainFragment = effective(main) else {
            return Outcome(config: config, diagnostics: diagnostics.sortedByLocation(), brokenFiles: broken)
        }
        let present = Set(all.map(\.file))
        fragments = fragments.filter { present.contains($0.key) }
        let chosen = includes.compactMap(effective)
        let assembled = ConfigAssembler.assemble(main: mainFragment, includes: chosen, host: host)
        let assemblyProblems = assembled.diagnostics.filter { candidate in !diagnostics.contains(candidate) }
        if let fresh = assembled.config {
            config = fresh
        } else {
            broken.append(contentsOf: Set(assemblyProblems.filter { $0.severity == .error }.map(\.file)).sorted())
        }
        return Outcome(config: config, diagnostics: (diagnostics + assemblyProblems).sortedByLocation(), brokenFiles: Array(Set(broken)).sorted())
    }
}
