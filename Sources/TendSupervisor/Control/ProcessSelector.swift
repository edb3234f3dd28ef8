import TendCore

/// Which processes a command addresses, written as supervisorctl accepts it: `NAME`, `GROUP:*`,
/// `GROUP:NAME`, or `all`.
public enum ProcessSelector: Hashable, Sendable, CustomStringConvertible {
    /// One process by its name (`web`, `worker_01`), or every process of a program by the program's name.
    case name(String)
    /// Every process of a group (`queue:*`).
    case group(String)
    /// One process of a group (`queue:worker_01`).
    case member(group: String, name: String)
    /// Every process.
    case all

    /// Reads a selector as written on the command line.
    public init(_ text: String) {
        if text == "all" {
            self = .all
        } else if let colon = text.firstIndex(of: ":") {
            let group = String(text[..<colon]), rest = String(text[text.index(after: colon)...])
            self = rest == "*" || rest.isEmpty ? .group(group) : .member(group: group, name: rest)
        } else {
            self = .name(text)
        }
    }

    public var description: String {
        switch self {
        case .name(let name): return name
        case .group(let group): return group + ":*"
        case .member(let group, let name): return group + ":" + name
        case .all: return "all"
        }
    }
}
