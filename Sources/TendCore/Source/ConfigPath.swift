/// One step into a configuration tree: a table key or an array index.
public enum ConfigPathComponent: Hashable, Sendable {
    case key(String)
    case index(Int)
}

/// The location of a value inside a configuration tree, such as `program.web.command[2]`.
public struct ConfigPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// The steps from the root table, outermost first.
    public var components: [ConfigPathComponent]

    public init(_ components: [ConfigPathComponent] = []) {
        self.components = components
    }

    public init(arrayLiteral elements: ConfigPathComponent...) {
        self.components = elements
    }

    /// The path with `key` appended.
    public func appending(_ key: String) -> ConfigPath {
        var path = self
        path.components.append(.key(key))
        return path
    }

    /// The path with the array index `index` appended.
    public func appending(index: Int) -> ConfigPath {
        var path = self
        path.components.append(.index(index))
        return path
    }

    /// The enclosing path, or nil at the root.
    public var parent: ConfigPath? {
        components.isEmpty ? nil : ConfigPath(Array(components.dropLast()))
    }

    /// The path as a person reads it: keys joined by dots, indices in brackets, and keys that are not bare
    /// TOML keys in double quotes (`program."my app".command[0]`).
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += ConfigPath.isBareKey(key) ? key : ConfigPath.quoted(key)
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    private static func quoted(_ key: String) -> String {
        var text = "\""
        for character in key {
            if character == "\"" || character == "\\" { text.append("\\") }
            text.append(character)
        }
        return text + "\""
    }

    private static func isBareKey(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
            default: return false
            }
        }
    }
}
