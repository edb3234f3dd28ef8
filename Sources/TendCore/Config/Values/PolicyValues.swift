/// Reading the lifecycle policies: `autorestart`, `startretries`, `exitcodes` and `stopsignal`.
enum PolicyValues {
    static func autorestart(_ value: ConfigValue) -> Result<AutorestartPolicy, ValueError> {
        switch value {
        case .boolean(let flag):
            return .success(flag ? .always : .never)
        case .string(let text):
            switch text.lowercased() {
            case "always", "true": return .success(.always)
            case "unexpected": return .success(.unexpected)
            case "never", "false": return .success(.never)
            default: return .failure(.invalid("\"\(text)\" is not one of \"always\", \"unexpected\", \"never\" (or true / false)"))
            }
        default:
            return .failure(.wrongType(expected: "\"always\", \"unexpected\", \"never\" or a boolean", found: value))
        }
    }

    static func startretries(_ value: ConfigValue) -> Result<RetryLimit, ValueError> {
        switch value {
        case .integer(let count):
            guard count >= 0, let retries = Int(exactly: count) else { return .failure(.outOfRange("must be zero or more, found \(count)")) }
            return .success(.limited(retries))
        case .string(let text) where text.lowercased() == "infinite":
            return .success(.infinite)
        case .string(let text):
            return .failure(.invalid("\"\(text)\" is not a number of retries; write an integer or \"infinite\""))
        default:
            return .failure(.wrongType(expected: "an integer or \"infinite\"", found: value))
        }
    }

    static func exitcodes(_ value: ConfigValue) -> Result<[Int32], ValueError> {
        let items: [ConfigValue]
        switch value {
        case .array(let array): items = array
        case .integer: items = [value]
        default: return .failure(.wrongType(expected: "an array of exit codes such as [0, 2]", found: value))
        }
        var codes: [Int32] = []
        for (index, item) in items.enumerated() {
            guard case .integer(let code) = item else {
                return .failure(.invalid("element \(index) must be an integer exit code, found \(item.kindDescription)"))
            }
            guard (0...255).contains(code) else {
                return .failure(.outOfRange("exit code \(code) is outside 0-255"))
            }
            codes.append(Int32(code))
        }
        return .success(codes)
    }

    static func signal(_ value: ConfigValue) -> Result<Signal, ValueError> {
        switch value {
        case .string(let text):
            if let signal = Signal(named: text) { return .success(signal) }
            var message = "unknown signal \"\(text)\""
            var bare = text.uppercased()
            if bare.hasPrefix("SIG") { bare.removeFirst(3) }
            if let suggestion = DidYouMean.suggestion(for: bare, among: Signal.all.map(\.name)) {
                message += "; did you mean \"\(suggestion)\"?"
            }
            return .failure(.invalid(message))
        case .integer(let number):
            guard let narrow = Int32(exactly: number), let signal = Signal(number: narrow) else {
                return .failure(.outOfRange("signal number \(number) is outside 1-31"))
            }
            return .success(signal)
        default:
            return .failure(.wrongType(expected: "a signal name such as \"TERM\"", found: value))
        }
    }
}
