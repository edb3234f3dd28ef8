/// An object or array whose opening bracket has been read and whose closing bracket has not, kept on the
/// JSON parser's explicit stack (the parser does not recurse, so deep nesting cannot exhaust the stack).
struct JSONOpenContainer {
    /// Whether the container is an object or an array.
    enum Kind {
        case object
        case array

        /// The byte that closes a container of this kind.
        var closingByte: UInt8 { self == .object ? UInt8(ascii: "}") : UInt8(ascii: "]") }

        /// The container's name as messages use it.
        var noun: String { self == .object ? "object" : "array" }
    }

    let kind: Kind
    /// Where the container stands in the document.
    let path: ConfigPath
    /// The offset of the opening bracket, where an unterminated container is reported.
    let openingOffset: Int
    /// The object's members read so far.
    var members: [String: ConfigValue] = [:]
    /// The array's elements read so far.
    var elements: [ConfigValue] = []
    /// For an object, the key of the member being read, or of the last one read.
    var currentKey: String?

    /// The finished value, once the closing bracket has been read.
    var value: ConfigValue {
        kind == .object ? .table(members) : .array(elements)
    }

    /// Stores a finished member value or element.
    mutating func add(_ value: ConfigValue) {
        switch kind {
        case .object:
            if let key = currentKey { members[key] = value }
        case .array:
            elements.append(value)
        }
    }
}
