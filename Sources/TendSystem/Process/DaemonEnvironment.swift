import CTendSystem

/// The daemon's own environment, which every program inherits (see `TendCore.LaunchEnvironment`).
public enum DaemonEnvironment {
    /// Reads the process environment; when a name appears twice the first entry wins, as getenv(3) finds it.
    public static func current() -> [String: String] {
        var variables: [String: String] = [:]
        guard var entry = tend_process_environment() else { return variables }
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                let name = String(text[..<equals])
                if variables[name] == nil { variables[name] = String(text[text.index(after: equals)...]) }
            }
            entry += 1
        }
        return variables
    }
}
