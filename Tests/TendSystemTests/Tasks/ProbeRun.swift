import Glibc
import TendTestKit

/// One run of the `tend-task-probe` executable, built next to the test bundle: its exit status and its
/// `key=value` lines. A run that outlasts its limit is killed, so a pool that hangs fails the test
/// instead of hanging the runner; the run is awaited without blocking a thread of the test process's pool.
struct ProbeRun {
    let exitStatus: Int32
    let values: [String: String]
    /// What the probe said on stderr, for the message of a failed run.
    let errors: String

    /// The probe next to the running test binary (.build/debug), or nil when it was not built.
    static var executablePath: String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        var path = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The test binary is .build/debug/<package>PackageTests.xctest (a file on Linux).
        while let last = path.lastIndex(of: "/") {
            path = String(path[..<last])
            let candidate = path + "/tend-task-probe"
            if access(candidate, X_OK) == 0 { return candidate }
            if path.hasSuffix(".build") || path.isEmpty { break }
        }
        return nil
    }

    /// Runs the probe with `arguments`, killing it after `limit`.
    static func run(_ path: String, _ arguments: [String], limit: Duration = .seconds(30)) async -> ProbeRun? {
        guard let outcome = try? await ChildRun.run(path, arguments, limit: limit) else { return nil }
        var values: [String: String] = [:]
        for line in outcome.stdout.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return ProbeRun(exitStatus: outcome.status, values: values, errors: outcome.stderr)
    }

    func number(_ key: String) -> Double? { values[key].flatMap(Double.init) }
}
