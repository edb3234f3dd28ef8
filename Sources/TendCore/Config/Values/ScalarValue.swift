/// Reading the plain kinds of value: strings, booleans, integers in a range, lists and string tables.
enum ScalarValue {
    static func string(_ value: ConfigValue) -> Result<String, ValueError> {
        guard case .string(let text) = value else { return .failure(.wrongType(expected: "a string", found: value)) }
        return .success(text)
    }

    static func nonEmptyString(_ value: ConfigValue) -> Result<String, ValueError> {
        string(value).flatMap { $0.isEmpty ? .failure(.invalid("must not be empty")) : .success($0) }
    }

    static func boolean(_ value: ConfigValue) -> Result<Bool, ValueError> {
        guard case .boolean(let flag) = value else { return .failure(.wrongType(expected: "a boolean (true or false)", found: value)) }
        return .success(flag)
    }

    static func integer(_ value: ConfigValue) -> Result<Int, ValueError> {
        guard case .integer(let number) = value, let result = Int(exactly: number) else {
            return .failure(.wrongType(expected: "an integer", found: value))
        }
        return .success(result)
    }

    /// An integer of at least `minimum`, described in the error as `what` ("at least 1").
    static func integer(atLeast minimum: Int) -> (ConfigValue) -> Result<Int, ValueError> {
        { value in
            integer(value).flatMap { number in
                number >= minimum ? .success(number)
                    : .failure(.outOfRange(minimum == 0 ? "must be zero or more, found \(number)" : "must be at least \(minimum), found \(number)"))
            }
        }
    }

    static func number(_ value: ConfigValue) -> Result<Double, ValueError> {
        switch value {
        case .integer(let number): return .success(Double(number))
        case .float(let number): return .success(number)
        default: return .failure(.wrongType(expected: "a number", found: value))
        }
    }

    /// One value of a fixed set of words (`"human"` or `"json"`).
    static func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> (ConfigValue) -> Result<T, ValueError> where T.RawValue == String {
        { value in
            string(value).flatMap { text in
                if let match = T(rawValue: text.lowercased()) { return .success(match) }
                let words = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                return .failure(.invalid("\"\(text)\" is not one of \(words)"))
            }
        }
    }

    /// A table whose values are strings, numbers or booleans, all turned into strings (an environment).
    static func stringTable(_ value: ConfigValue) -> Result<[String: String], ValueError> {
        guard case .table(let table) = value else {
            return .failure(.wrongType(expected: "a table of NAME = \"value\"", found: value))
        }
        var result: [String: String] = [:]
        for (key, entry) in table {
            switch entry {
            case .string(let text): result[key] = text
            case .integer(let number): result[key] = String(number)
            case .float(let number): result[key] = String(number)
            case .boolean(let flag): result[key] = String(flag)
            default: return .failure(.invalid("the value of \(key) must be a string, number or boolean, found \(entry.kindDescription)"))
            }
        }
        return .success(result)
    }

    /// An array of strings.
    static func stringArray(_ value: ConfigValue) -> Result<[String], ValueError> {
        guard case .array(let items) = value else { return .failure(.wrongType(expected: "an array of strings", found: value)) }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else {
                return .failure(.invalid("element \(index) must be a string, found \(item.kindDescription)"))
            }
            result.append(text)
        }
        return .success(result)
    }
}
