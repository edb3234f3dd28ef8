/// Reading durations as the configuration writes them: a number of seconds (`10`, `1.5`) or a string with
/// one unit (`"500ms"`, `"10s"`, `"2m"`, `"1h"`).
enum DurationValue {
    static let expected = "a duration (seconds as a number, or a string such as \"500ms\", \"10s\", \"2m\")"

    static func parse(_ value: ConfigValue) -> Result<Duration, ValueError> {
        switch value {
        case .integer(let seconds):
            return seconds < 0 ? .failure(.outOfRange("must be zero or more, found \(seconds)")) : .success(.seconds(seconds))
        case .float(let seconds):
            guard seconds.isFinite else { return .failure(.outOfRange("must be a finite number of seconds")) }
            return seconds < 0 ? .failure(.outOfRange("must be zero or more, found \(seconds)")) : .success(.seconds(seconds))
        case .string(let text):
            return parse(text)
        default:
            return .failure(.wrongType(expected: expected, found: value))
        }
    }

    static func parse(_ text: String) -> Result<Duration, ValueError> {
        let units: [(suffix: String, scale: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for unit in units where text.hasSuffix(unit.suffix) {
            let number = String(text.dropLast(unit.suffix.count))
            if unit.suffix == "s", number.hasSuffix("m") { continue }
            guard isPlainDecimal(number), let amount = Double(number) else { break }
            return .success(.seconds(amount * unit.scale))
        }
        if text.hasPrefix("-") {
            return .failure(.outOfRange("must be zero or more, found \"\(text)\""))
        }
        return .failure(.invalid("\"\(text)\" is not a duration; write seconds as a number, or a number with one unit: ms, s, m or h (\"500ms\", \"10s\")"))
    }

    private static func isPlainDecimal(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
