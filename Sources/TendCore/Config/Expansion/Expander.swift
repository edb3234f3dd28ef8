/// Expands the references a configuration string may hold: supervisord's `%(NAME)s` with printf flags,
/// width and type (`%(process_num)02d`), `%%` for a literal percent sign, `${X}` and `${X:-default}` from
/// the daemon's environment, and `$${` for a literal `${`. A `$` not followed by `{` is left alone, so shell
/// snippets such as `sh -c 'echo $HOME'` pass through untouched.
///
/// A reference to a name that does not exist is an error at its position, never a silent empty string.
public enum Expander {
    /// Why a string could not be expanded.
    public struct ExpansionError: Error, Equatable {
        /// The offset, in Unicode scalars from the start of the string, of the reference at fault.
        public var offset: Int
        public var message: String
    }

    /// `text` with every reference replaced by its value in `context`.
    public static func expand(_ text: String, in context: ExpansionContext) -> Result<String, ExpansionError> {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "%", index + 1 < scalars.count, scalars[index + 1] == "%" {
                output.append("%")
                index += 2
            } else if scalar == "%", index + 1 < scalars.count, scalars[index + 1] == "(" {
                switch percentReference(scalars, at: index, context: context) {
                case .success(let (value, next)):
                    output.append(contentsOf: value.unicodeScalars)
                    index = next
                case .failure(let error):
                    return .failure(error)
                }
            } else if scalar == "$", index + 2 < scalars.count, scalars[index + 1] == "$", scalars[index + 2] == "{" {
                output.append(contentsOf: "${".unicodeScalars)
                index += 3
            } else if scalar == "$", index + 1 < scalars.count, scalars[index + 1] == "{" {
                switch braceReference(scalars, at: index, context: context) {
                case .success(let (value, next)):
                    output.append(contentsOf: value.unicodeScalars)
                    index = next
                case .failure(let error):
                    return .failure(error)
                }
            } else {
                output.append(scalar)
                index += 1
            }
        }
        return .success(String(output))
    }

    /// Whether `text` mentions `%(NAME)` anywhere (used to check `process_name` against `numprocs`).
    public static func mentions(_ name: String, in text: String) -> Bool {
        text.contains("%(\(name))")
    }

    private static func percentReference(
        _ scalars: [Unicode.Scalar], at start: Int, context: ExpansionContext
    ) -> Result<(String, Int), ExpansionError> {
        guard let close = scalars[(start + 2)...].firstIndex(of: ")") else {
            return .failure(ExpansionError(offset: start, message: "unterminated %( reference; write %% for a literal percent sign"))
        }
        let name = String(String.UnicodeScalarView(scalars[(start + 2)..<close]))
        var index = close + 1
        var flags = Set<Unicode.Scalar>()
        while index < scalars.count, ["-", "0", " ", "+"].contains(scalars[index]) {
            flags.insert(scalars[index])
            index += 1
        }
        var width = 0
        while index < scalars.count, let digit = Int(String(scalars[index])), scalars[index].isASCII {
            width = width * 10 + digit
            index += 1
        }
        guard index < scalars.count, ["s", "d", "i"].contains(scalars[index]) else {
            return .failure(ExpansionError(offset: start, message: "%(\(name)) needs a type after it: s for text or d for a number, as in %(\(name))s"))
        }
        let type = scalars[index]
        guard let value = context.value(named: name) else {
            return .failure(ExpansionError(offset: start, message: unknownNameMessage(name, context: context)))
        }
        switch (value, type) {
        case (.text(let text), "s"):
            return .success((pad(text, width: width, flags: []), index + 1))
        case (.number(let number), _):
            return .success((pad(format(number, flags: flags), width: width, flags: type == "s" ? [] : flags), index + 1))
        case (.text(let text), _):
            guard let number = Int(text) else {
                return .failure(ExpansionError(offset: start, message: "%(\(name))\(type) needs a number, but \(name) is \"\(text)\"; use %(\(name))s"))
            }
            return .success((pad(format(number, flags: flags), width: width, flags: flags), index + 1))
        }
    }

    /// The number with the sign printf's `+` and space flags ask for.
    private static func format(_ number: Int, flags: Set<Unicode.Scalar>) -> String {
        let sign = number < 0 ? "-" : (flags.contains("+") ? "+" : (flags.contains(" ") ? " " : ""))
        return sign + String(number.magnitude)
    }

    /// Pads to `width` as printf does: left-aligned with `-`, zeros after the sign with `0`, else spaces.
    private static func pad(_ text: String, width: Int, flags: Set<Unicode.Scalar>) -> String {
        guard text.count < width else { return text }
        let missing = width - text.count
        if flags.contains("-") { return text + String(repeating: " ", count: missing) }
        if flags.contains("0") {
            let hasSign = text.first.map { "+- ".contains($0) } ?? false
            let sign = hasSign ? String(text.prefix(1)) : ""
            return sign + String(repeating: "0", count: missing) + text.dropFirst(sign.count)
        }
        return String(repeating: " ", count: missing) + text
    }

    private static func braceReference(
        _ scalars: [Unicode.Scalar], at start: Int, context: ExpansionContext
    ) -> Result<(String, Int), ExpansionError> {
        guard let close = scalars[(start + 2)...].firstIndex(of: "}") else {
            return .failure(ExpansionError(offset: start, message: "unterminated ${ reference; write $${ for a literal ${"))
        }
        let body = String(String.UnicodeScalarView(scalars[(start + 2)..<close]))
        let name: String
        let fallback: String?
        let bodyScalars = Array(body.unicodeScalars)
        if let separator = bodyScalars.indices.first(where: { bodyScalars[$0] == ":" && $0 + 1 < bodyScalars.count && bodyScalars[$0 + 1] == "-" }) {
            name = String(String.UnicodeScalarView(bodyScalars[..<separator]))
            fallback = String(String.UnicodeScalarView(bodyScalars[(separator + 2)...]))
        } else {
            name = body
            fallback = nil
        }
        guard isEnvironmentName(name) else {
            return .failure(ExpansionError(offset: start, message: "\"${\(body)}\" is not a valid reference; write ${NAME} or ${NAME:-default}"))
        }
        if let value = context.environment[name] ?? fallback {
            return .success((value, close + 1))
        }
        return .failure(ExpansionError(offset: start, message: "${\(name)} is not set in the daemon's environment; set it, or give a default with ${\(name):-default}"))
    }

    private static func isEnvironmentName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    private static func unknownNameMessage(_ name: String, context: ExpansionContext) -> String {
        if name.hasPrefix("ENV_") {
            return "%(\(name))s refers to \(name.dropFirst(4)), which is not set in the daemon's environment"
        }
        var message = "unknown name %(\(name)) in expansion"
        if let suggestion = DidYouMean.suggestion(for: name, among: ExpansionContext.knownNames) {
            message += "; did you mean %(\(suggestion))?"
        } else {
            message += "; known names are " + ExpansionContext.knownNames.joined(separator: ", ") + " and ENV_X"
        }
        return message
    }
}
