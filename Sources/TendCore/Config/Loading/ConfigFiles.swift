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
    /// Whether the main file could say which files to include. False when it cannot be parsed or its
    /// `daemon.include` list has an error (the defaults would stand in for it): `fragments` is the main file alone.
    public var includeListIsValid: Bool

    /// Whether `fragments` holds every file the main file includes: the include list is valid and every include
    /// directory could be read. Otherwise which files belong to the configuration is unknown, and a file missing
    /// from `fragments` may still be there.
    public var includesAreKnown: Bool { includeListIsValid && diagnostics.isEmpty }

    /// The main file's fragment.
    public var main: ConfigFragment { fragments[0] }
    /// The included files' fragments, in order.
    public var includes: ArraySlice<ConfigFragment> { fragments.dropFirst() }
}
