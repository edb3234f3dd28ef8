/// The plain sentences the TOML parser reports after `file:line:column` that are built from parts or said
/// in several places: a table defined twice or extended where TOML does not allow it, a character stuck to
/// the value before it, nesting too deep. Sentences used once stand where they are found.
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

    /// The sentence for a character found right after a value, such as the `x` of `truex`.
    static func unexpected(_ found: String, after value: ConfigValue) -> String {
        let kindWithoutArticle = value.kindDescription.split(separator: " ", maxSplits: 1).last ?? ""
        return "unexpected \(found) after the \(kindWithoutArticle)"
    }

    /// The sentence for arrays and inline tables (or, with `containers` false, tables) nested deeper than
    /// the parser follows.
    static func nestedTooDeep(containers: Bool) -> String {
        let what = containers ? "arrays and inline tables" : "tables"
        return "nesting too deep: more than \(TOMLDocumentParser.maximumDepth) levels of \(what)"
    }
}
