import Glibc
import TendCore

extension HostFacts {
    /// The facts of the machine this process runs on: its host name, its environment, and its user database.
    public static func local() -> HostFacts {
        var buffer = [CChar](repeating: 0, count: 256)
        let hostName = gethostname(&buffer, buffer.count) == 0 ? String(nulTerminated: buffer) : "localhost"
        var environment: [String: String] = [:]
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                environment[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            cursor += 1
        }
        return HostFacts(hostName: hostName, environment: environment, userExists: UserDatabase.exists)
    }
}

/// Looks users up in the system's user database (/etc/passwd, NSS).
public enum UserDatabase {
    /// Whether `user`, a name or a numeric uid, exists on this machine.
    @Sendable public static func exists(_ user: String) -> Bool {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        if let uid = uid_t(user) {
            return getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0 && result != nil
        }
        return getpwnam_r(user, &entry, &buffer, buffer.count, &result) == 0 && result != nil
    }
}
