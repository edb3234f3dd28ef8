import Foundation

/// A fresh directory under /tmp for one test, removed with everything in it by `remove()`.
struct LogTestDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/tend-test-XXXXXX".utf8CString)
        guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        path = String(cString: created)
    }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String { "\(path)/\(name)" }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Runs `body` with a temporary directory and removes it afterwards, whether `body` threw or not.
func withLogTestDirectory<T>(_ body: (LogTestDirectory) async throws -> T) async throws -> T {
    let directory = try LogTestDirectory()
    defer { directory.remove() }
    return try await body(directory)
}

/// The bytes of the file at `path`, or nil when it does not exist.
func logFileBytes(at path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
}

/// Whether something exists at `path`.
func logFileExists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: path)
}
