/// Every configuration file read and decoded on its own, not yet assembled into one `Config`: what a reload
/// hands to `LastKnownGood`, which assembles once from each file's latest good fragment.
public struct ConfigFiles: Sendable {
    /// The main file as named.
    public var mainFile: String
    /// Each file's own fragment: the main file first, then the includes in order.
    public var fragments: [ConfigFragment]
    /// Problems of the set of files rather than of one file's content: an include pattern whose directory
    /// cannot be read. Each is placed on the main file's include entry.
    public var diagnostics: [Diagnostic]
    /// Whether `fragments` holds every file the main file includes. False when the main file cannot be parsed,
    /// its `daemon.include` list has an error (the defaults would stand in for it), or an include directory
    /// cannot be read: which files belong to the configuration is then unknown, and a file missing from
    /// `fragments` may still be there.
    public var includesAreKnown: Bool

    /// The main file's fragment.
    public var main: ConfigFragment { fragments[0] }
    /// The included files' fragments, in order.
    public var includes: ArraySlice<ConfigFragment> { fragments.dropFirst() }
}
