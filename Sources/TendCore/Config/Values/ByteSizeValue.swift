/// Reading byte sizes as supervisord writes them: an integer number of bytes, or a string such as `"50MB"`
/// where KB, MB and GB are powers of 1024 (`K`, `KiB` and `KB` all mean 1024).
enum ByteSizeValue {
    static let expected = "a byte size (bytes as an integer, or a string such as \"50MB\")"

    static func parse(_ value: ConfigValue) -> Result<Int64, ValueError> {
        switch value {
        case .integer(let bytes):
            return bytes < 0 ? .failure(.outOfRange("must be zero or more, found \(bytes)")) : .success(bytes)
        case .string(let text):
            return parse(text)
        default:
            return .failure(.wrongType(expected: expected, found: value))
        }
    }

    static func parse(_ text: String) -> Result<Int64, ValueError> {
        let trimmed = text.filter { $0 != " " }.uppercased()
        let digits = trimmed.prefix(while: \.isASCIIDigit)
        let unit = trimmed.dropFirst(digits.count)
        let scales: [String: Int64] = [
            "": 1, "B": 1,
            "K": 1 << 10, "KB": 1 << 10, "KIB": 1 << 10,
            "M": 1 << 20, "MB": 1 << 20, "MIB": 1 << 20,
            "G": 1 << 30, "GB": 1 << 30, "GIB": 1 << 30,
        ]
        guard !digits.isEmpty, let number = Int64(digits), let scale = scales[String(unit)] else {
            return .failure(.invalid("\"\(text)\" is not a byte size; write a number of bytes, or a number with KB, MB or GB (\"50MB\")"))
        }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: scale)
        return overflow ? .failure(.outOfRange("\"\(text)\" is too large")) : .success(bytes)
    }
}
