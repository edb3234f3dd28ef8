import Glibc

/// Finds the file a program name refers to, as `execvp(3)` would, but before the child exists so that a
/// missing program is reported by name.
enum ExecutableLookup {
    /// Returns `name` itself when it contains a slash; otherwise the first executable regular file called
    /// `name` in `searchPath`, or else the first such file found that is not executable (so exec reports why).
    static func resolve(_ name: String, searchPath: String) throws(SpawnError) -> String {
        if name.contains("/") { return name }
        if name.isEmpty {
            throw SpawnError(kind: .noSuchFile, syscall: "execve", errno: .noSuchFileOrDirectory,
                             message: "cannot execute an empty program name")
        }
        var notExecutable: String?
        for directory in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + name
            guard isRegularFile(candidate) else { continue }
            if access(candidate, X_OK) == 0 { return candidate }
            notExecutable = notExecutable ?? candidate
        }
        if let notExecutable { return notExecutable }
        throw SpawnError(kind: .noSuchFile, syscall: "execve", errno: .noSuchFileOrDirectory,
                         message: "cannot execute \(name): not found in PATH (\(searchPath))")
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }
}
