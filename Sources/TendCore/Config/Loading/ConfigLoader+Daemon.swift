extension ConfigLoader {
    /// The `[daemon]` settings of `mainFile` alone, without reading the included files: what a client
    /// needs to find the control socket, quickly, even while some included file is broken. Nil when the
    /// main file cannot be parsed far enough to have them.
    public func daemonSettings(mainFile: String) throws(FileAccessError) -> DaemonConfig? {
        let bytes = try fileSystem.readFile(PathResolution.resolve(mainFile, against: workingDirectory))
        return fragment(of: mainFile, bytes: bytes, isMain: true).daemon
    }
}
