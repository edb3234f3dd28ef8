/// An array or inline table whose opening bracket has been read and whose closing bracket has not, kept on
/// the TOML parser's explicit stack (the parser does not recurse, so deep nesting cannot exhaust the stack).
struct TOMLOpenValue {
    /// Whether the value is an array or an inline table.
    enum Kind {
        case array
        case inlineTable

        /// The byte that closes a value of this kind.
        var closingByte: UInt8 { self == .array ? UInt8(ascii: "]") : UInt8(ascii: "}") }

        /// The value's name as messages use it.
        var noun: String { self == .array ? "array" : "inline table" }
    }

    let kind: Kind
    /// Where the value stands in the document.
    let path: ConfigPath
    /// The array's elements read so far.
    var elements: [ConfigValue] = []
    /// The inline table's table in the `TOMLTableStore`.
    var table = TOMLTableStore.root
    /// Where the inline table's member being read goes: the table (the inline table's own, or one a dotted
    /// key names inside it) and the key there.
    var member: (table: Int, key: String) = (TOMLTableStore.root, "")
}
