/// Rewords toml++'s parse errors ("Error while parsing key-value pair: expected value-terminator, saw 'x'")
/// as the plain sentences tend prints after `file:line:column`.
///
/// Known phrasings get a sentence of their own; any other keeps toml++'s reason with its jargon softened.
enum TOMLErrorWording {
    /// The plain sentence for toml++'s `description`; `found` names the character at the error position,
    /// when known, for the messages that are clearer with it.
    static func plain(_ description: String, found: Unicode.Scalar? = nil) -> String {
        let (scope, reason) = split(description)
        return specific(reason: reason, scope: scope, found: found) ?? softened(reason)
    }

    /// The scope ("array", "key-value pair") and the reason from toml++'s "Error while parsing SCOPE: REASON".
    private static func split(_ description: String) -> (scope: String, reason: String) {
        let prefix = "Error while parsing "
        guard description.hasPrefix(prefix), let colon = description.firstRange(of: ": ") else {
            return ("", description)
        }
        let scope = description[description.index(description.startIndex, offsetBy: prefix.count)..<colon.lowerBound]
        return (String(scope), String(description[colon.upperBound...]))
    }

    private static func specific(reason: String, scope: String, found: Unicode.Scalar?) -> String? {
        if reason == "encountered end-of-file" {
            switch scope {
            case "array": return "unterminated array: the file ends before its closing ]"
            case "inline table": return "unterminated inline table: the file ends before its closing }"
            case "string", "literal string": return "unterminated string: the file ends before the closing quote"
            default: return "the file ends in the middle of \(withArticle(scope))"
            }
        }
        if reason.hasSuffix("(dangling comma)") {
            return "trailing comma before }"
        }
        if reason.hasPrefix("control characters other than"), reason.hasSuffix("in comments") {
            return "\(found.map(CharacterWording.describe) ?? "a control character") is not allowed in a comment"
        }
        if reason.hasPrefix("unescaped control characters") || reason.hasPrefix("control characters other than") {
            if let found, found == "\n" || found == "\r" {
                return "unterminated string: no closing quote before the end of the line"
            }
            let what = found.map(CharacterWording.describe) ?? "a control character"
            return "\(what) must be escaped inside a string"
        }
        if let saw = reason.removingPrefix("expected value-terminator, saw ") {
            return "unexpected \(character(saw)) after the \(scope)"
        }
        if let saw = reason.removingPrefix("expected a comment or whitespace, saw ") {
            return "unexpected \(character(saw)) after the value: only a comment may follow it on the line"
        }
        if let saw = reason.removingPrefix("expected keys, tables, whitespace or comments, saw ") {
            return "unexpected \(character(saw)): a line must start with a key, a [table] header or a comment"
        }
        if reason == "could not determine value type" {
            return "invalid value: strings must be written in quotes"
        }
        if reason == "leading zeroes are prohibited" {
            return "leading zeros are not allowed in numbers"
        }
        if let rest = reason.removingPrefix("cannot redefine existing ") {
            return redefinition(rest, inTableHeader: scope == "table header")
        }
        if reason.hasSuffix("' is not representable in 64 bits") {
            let number = reason.dropFirst().dropLast("' is not representable in 64 bits".count)
            return "integer \(number) is out of range (it does not fit in 64 bits)"
        }
        if let rest = reason.removingPrefix("exceeded maximum nested value depth of ") {
            let limit = rest.prefix(while: \.isNumber)
            return "nesting too deep: more than \(limit) levels of arrays and inline tables"
        }
        return nil
    }

    /// "integer 'a'" or "integer 'a' as table", as toml++ words a key defined twice.
    private static func redefinition(_ rest: String, inTableHeader: Bool) -> String {
        guard let quote = rest.firstIndex(of: "'") else { return "\(rest) is defined twice" }
        let kind = rest[..<quote].trimmingSpaces
        let afterQuote = rest[rest.index(after: quote)...]
        guard let closing = afterQuote.lastIndex(of: "'") else { return "\(rest) is defined twice" }
        let name = afterQuote[..<closing]
        let newKind = afterQuote[afterQuote.index(after: closing)...].trimmingSpaces.removingPrefix("as ")
        if let newKind {
            return "'\(name)' is already defined as \(withArticle(kind)), it cannot also be \(withArticle(newKind))"
        }
        if inTableHeader && kind == "table" {
            return "table [\(name)] is defined twice"
        }
        return "duplicate key '\(name)': it is already defined as \(withArticle(kind))"
    }

    /// toml++'s reason with its jargon made plain ("saw" becomes "found", "explicitly prohibited" becomes
    /// "not allowed", escaped line ends are named).
    private static func softened(_ reason: String) -> String {
        var text = reason
        for (jargon, plain) in [
            ("expected expected", "expected"),
            ("saw '\\n'", "found the end of the line"),
            ("saw '\\r'", "found the end of the line"),
            ("saw EOF", "found the end of the file"),
            (" saw ", " found "),
            ("explicitly prohibited", "not allowed"),
            ("zeroes", "zeros"),
        ] {
            text = text.replacing(jargon, with: plain)
        }
        return text
    }

    /// A character as toml++ quotes it (`'x'`, `'\n'`) as the JSON parser's messages name one.
    private static func character(_ quoted: String) -> String {
        switch quoted {
        case "'\\n'", "'\\r'": return "the end of the line"
        case "'\\t'": return "a tab"
        default: return quoted
        }
    }

    private static func withArticle<S: StringProtocol>(_ noun: S) -> String {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        guard let first = noun.first else { return String(noun) }
        return (vowels.contains(first) ? "an " : "a ") + noun
    }
}

extension StringProtocol {
    /// The text after `prefix`, or nil when the text does not start with it.
    fileprivate func removingPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }

    /// The text without leading and trailing spaces.
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
