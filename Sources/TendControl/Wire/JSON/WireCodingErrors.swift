import TendCore

extension DecodingError {
    /// What Foundation throws for a value of the wrong kind: `valueNotFound` for null, `typeMismatch` otherwise.
    static func wireMismatch(_ type: Any.Type, _ value: ConfigValue, _ codingPath: [any CodingKey]) -> DecodingError {
        if value == .null {
            return .valueNotFound(
                type, .init(codingPath: codingPath, debugDescription: "Cannot get value of type \(type) -- found null value instead")
            )
        }
        return .typeMismatch(
            type, .init(codingPath: codingPath, debugDescription: "Expected to decode \(type) but found \(value.jsonKind) instead.")
        )
    }

    /// A number the type cannot hold: out of range, or not a whole number for an integer type.
    static func wireNumberDoesNotFit(_ type: Any.Type, _ value: ConfigValue, _ codingPath: [any CodingKey]) -> DecodingError {
        let text: String
        switch value {
        case .integer(let integer): text = String(integer)
        case .float(let float): text = "\(float)"
        default: text = value.jsonKind
        }
        return .dataCorrupted(.init(codingPath: codingPath, debugDescription: "Parsed JSON number <\(text)> does not fit in \(type)."))
    }
}

extension ConfigValue {
    /// The kind of JSON value, as decoding errors name it.
    var jsonKind: String {
        switch self {
        case .string, .datetime: return "a string"
        case .integer, .float: return "a number"
        case .boolean: return "a boolean"
        case .array: return "an array"
        case .table: return "an object"
        case .null: return "null"
        }
    }
}
