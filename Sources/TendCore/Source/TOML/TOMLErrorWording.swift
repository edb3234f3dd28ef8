/// The plain sentences the TOML parser reports after `file:line:column` for what is wrong with a document
/// as a whole (a key defined twice, a table extended where it may not be), rather than with one character.
enum TOMLErrorWording {
    /// The sentence for `conflict` at the key `name` (as written), which the document wanted to make
    /// `wanted` ("a table", "an array of tables").
    static func sentence(for conflict: TOMLConflict, name: String, wanted: String) -> String {
        switch conflict {
        case .alreadyDefined(let existing):
            return "'\(name)' is already defined as \(existing), it cannot also be \(wanted)"
        case .inlineTable:
            return "'\(name)' is already defined as an inline table, which cannot be extended"
        case .definedTwice:
            return "table [\(name)] is defined twice"
        case .definedByHeader:
            return "'\(name)' is a table defined by its own [header], which dotted keys cannot extend"
        }
    }

    /// The sentence for a `key = value` whose key already holds something.
    static func duplicateKey(_ name: String, conflict: TOMLConflict) -> String {
        guard case .alreadyDefined(let existing) = conflict else { return "duplicate key '\(name)'" }
        return "duplicate key '\(name)': it is already defined as \(existing)"
    }

    /// The sentence for a character found right after a value, such as `x` in `true x`'s `truex`.
    static func unexpected(_ found: String, after value: ConfigValue) -> String {
        let kindWithoutArticle = value.kindDescription.split(separator: " ", maxSplits: 1).last ?? ""
        return "unexpected \(found) after the \(kindWithoutArticle)"
    }

    /// The sentence for arrays and inline tables nested deeper than the parser follows.
    static func nestedTooDeep(containers: Bool) -> String {
        let what = containers ? "arrays and inline tables" : "tables"
        return "nesting too deep: more than \(TOMLDocumentParser.maximumDepth) levels of \(what)"
    }
}
