/// Reading file modes such as `umask` and `socket_mode`: a string of octal digits (`"022"`, `"0o022"`) or
/// an integer, which TOML writes in octal as `0o022`.
enum OctalModeValue {
    static let expected = "an octal mode (a string such as \"022\", or a TOML octal integer such as 0o022)"

    static func parse(_ value: ConfigValue) -> Result<UInt32, ValueError> {
        switch value {
        case .integer(let mode):
            guard (0...0o7777).contains(mode) else {
                return .failure(.outOfRange("must be between 0 and 0o7777, found \(mode)"))
            }
            return .success(UInt32(mode))
        case .string(let text):
            var digits = Substring(text)
            if digits.hasPrefix("0o") || digits.hasPrefix("0O") { digits = digits.dropFirst(2) }
            guard !digits.isEmpty, digits.allSatisfy({ ("0"..."7").contains($0) }), let mode = UInt32(digits, radix: 8) else {
                return .failure(.invalid("\"\(text)\" is not an octal mode; write octal digits such as \"022\""))
            }
            guard mode <= 0o7777 else { return .failure(.outOfRange("\"\(text)\" is larger than 7777")) }
            return .success(mode)
        default:
            return .failure(.wrongType(expected: expected, found: value))
        }
    }
}
