/// A configuration value as either syntax (TOML or JSON) delivers it, before it is given meaning.
///
/// Both syntaxes decode to this one tree, so every later step (expansion, validation, decoding into the
/// model) is written once and behaves the same for both.
public indirect enum ConfigValue: Hashable, Sendable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    /// A TOML date, time or date-time, kept as its text (tend has no key that takes one).
    case datetime(String)
    case array([ConfigValue])
    case table([String: ConfigValue])
    /// JSON's `null`, which TOML cannot express.
    case null

    /// The kind of value, as an error message names it ("expected a string, found an integer").
    public var kindDescription: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a floating-point number"
        case .boolean: return "a boolean"
        case .datetime: return "a date-time"
        case .array: return "an array"
        case .table: return "a table"
        case .null: return "null"
        }
    }
}
