import Synchronization

/// The key conversions the wire format was defined with: Foundation's `.convertToSnakeCase` for the keys
/// written and its `.convertFromSnakeCase` for naming the keys read, reproduced rule for rule.
enum SnakeCaseKeys {
    /// `uptimeSeconds` -> `uptime_seconds`, as `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase` writes it.
    ///
    /// An uppercase letter after the first character starts a word; in a run of uppercase letters followed by
    /// a lowercase one, the last uppercase letter starts the next word (`myURLValue` -> `my_url_value`). Words
    /// are lowercased and joined with `_`. Foundation's quirks are kept: the first character never starts a
    /// word of its own (`URL` -> `u_rl`), and underscores already present stay (`_Ab` -> `__ab`).
    static func snakeCased(_ key: String) -> String {
        if key.utf8.allSatisfy({ $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) {
            return key
        }
        if let known = converted.withLock({ $0[key] }) { return known }
        let snake = convertToSnakeCase(key)
        converted.withLock { cache in
            if cache.count < maximumCached { cache[key] = snake }
        }
        return snake
    }

    /// Conversions already made: a program has a few dozen distinct keys, and every value of a status reply
    /// of 1,000 processes asks for the same fifteen again.
    private static let converted = Mutex<[String: String]>([:])
    /// A bound, so keys from outside (a dictionary's) cannot grow the cache without end.
    private static let maximumCached = 1024

    private static func convertToSnakeCase(_ key: String) -> String {
        let scalars = Array(key.unicodeScalars)
        var words: [Range<Int>] = []
        var wordStart = 0
        var searchStart = 1
        while let upper = firstIndex(in: scalars, from: searchStart, where: isUppercase) {
            words.append(wordStart..<upper)
            guard let lower = firstIndex(in: scalars, from: upper, where: isLowercase) else {
                wordStart = upper
                break
            }
            if lower == upper + 1 {
                wordStart = upper
            } else {
                words.append(upper..<(lower - 1))
                wordStart = lower - 1
            }
            searchStart = lower + 1
        }
        words.append(wordStart..<scalars.count)
        return words.map { String(String.UnicodeScalarView(scalars[$0])).lowercased() }.joined(separator: "_")
    }

    /// `uptime_seconds` -> `uptimeSeconds`, as `JSONDecoder.KeyDecodingStrategy.convertFromSnakeCase` reads it:
    /// the first word lowercased, each later word capitalized, leading and trailing underscores kept; a key
    /// without an inner underscore is left exactly as it is.
    static func camelCased(_ key: String) -> String {
        guard let first = key.firstIndex(where: { $0 != "_" }) else { return key }
        var last = key.index(before: key.endIndex)
        while last > first, key[last] == "_" { key.formIndex(before: &last) }
        let core = key[first...last]
        let words = core.split(separator: "_")
        guard words.count > 1 else { return key }
        let joined = words[0].lowercased() + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined()
        return String(key[..<first]) + joined + String(key[key.index(after: last)...])
    }

    private static func firstIndex(
        in scalars: [Unicode.Scalar], from start: Int, where matches: (Unicode.Scalar) -> Bool
    ) -> Int? {
        guard start < scalars.count else { return nil }
        return scalars[start...].firstIndex(where: matches)
    }

    /// Foundation's `CharacterSet.uppercaseLetters`: the categories Lu and Lt.
    private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let category = scalar.properties.generalCategory
        return category == .uppercaseLetter || category == .titlecaseLetter
    }

    /// Foundation's `CharacterSet.lowercaseLetters`: the category Ll.
    private static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .lowercaseLetter
    }
}
