/// Why a single value could not be read; the decoder adds the file, position and key.
enum ValueError: Error, Equatable {
    /// The value has the wrong kind (a string where a boolean belongs).
    case wrongType(expected: String, found: ConfigValue)
    /// The value has the right kind but a forbidden magnitude.
    case outOfRange(String)
    /// The value has the right kind but cannot be understood.
    case invalid(String)

    var message: String {
        switch self {
        case .wrongType(let expected, let found):
            return "expected \(expected), found \(found.kindDescription)\(ValueError.excerpt(of: found))"
        case .outOfRange(let message), .invalid(let message):
            return message
        }
    }

    private static func excerpt(of value: ConfigValue) -> String {
        switch value {
        case .string(let text): return text.count <= 40 ? " (\"\(text)\")" : ""
        case .integer(let number): return " (\(number))"
        case .float(let number): return " (\(number))"
        case .boolean(let flag): return " (\(flag))"
        default: return ""
        }
    }
}
