/// The tables of a TOML document while it is read, and TOML's rules on what may define or extend them.
///
/// Tables stay open for as long as the document may still add to them (a `[header]` may reopen a path
/// anywhere later on), so they live here, by index, until the end; values that are complete when read
/// (scalars, arrays, inline tables) are stored as `ConfigValue`s at once and can no longer change.
struct TOMLTableStore {
    /// The root table's index.
    static let root = 0

    private var tables: [TOMLTable] = [TOMLTable(origin: .header)]
    /// The element tables of each array of tables, by the index a `TOMLTable.Child` names; kept apart from
    /// the tables so that an element is appended in place.
    private var arraysOfTables: [[Int]] = []

    /// Moves into the table that `key` names in `table` on the way to a `[header]`'s last key: an existing
    /// table (however defined), the latest element of an array of tables (whose index is returned), or a
    /// new table the header defines implicitly.
    mutating func enterForHeader(_ key: String, in table: Int) throws(TOMLConflict) -> (table: Int, element: Int?) {
        switch tables[table].children[key] {
        case .table(let child):
            return (child, nil)
        case .arrayOfTables(let array):
            let elements = arraysOfTables[array]
            return (elements[elements.count - 1], elements.count - 1)
        case nil:
            try checkNoValue(key, in: table)
            return (addTable(key, in: table, origin: .implicit), nil)
        }
    }

    /// Moves into the table that the dotted key part `key` names in `table`, creating it if need be; a
    /// table that a `[header]` defined, or an array of tables, cannot be extended so.
    mutating func enterForDottedKey(_ key: String, in table: Int) throws(TOMLConflict) -> Int {
        switch tables[table].children[key] {
        case .table(let child):
            switch tables[child].origin {
            case .header: throw .definedByHeader
            case .implicit: tables[child].origin = .dottedKeys
            case .dottedKeys: break
            }
            return child
        case .arrayOfTables:
            throw .alreadyDefined(as: "an array of tables")
        case nil:
            try checkNoValue(key, in: table)
            return addTable(key, in: table, origin: .dottedKeys)
        }
    }

    /// Defines the table `[... key]` in `table`: new, or one that only headers further down implied so far.
    mutating func defineTable(_ key: String, in table: Int) throws(TOMLConflict) -> Int {
        switch tables[table].children[key] {
        case .table(let child):
            guard tables[child].origin == .implicit else { throw .definedTwice }
            tables[child].origin = .header
            return child
        case .arrayOfTables:
            throw .alreadyDefined(as: "an array of tables")
        case nil:
            try checkNoValue(key, in: table)
            return addTable(key, in: table, origin: .header)
        }
    }

    /// Adds an element to the array of tables `[[... key]]` in `table` (creating the array with it) and
    /// returns the new table and its index in the array.
    mutating func appendArrayElement(_ key: String, in table: Int) throws(TOMLConflict) -> (table: Int, element: Int) {
        let element = tables.count
        switch tables[table].children[key] {
        case .arrayOfTables(let array):
            tables.append(TOMLTable(origin: .header))
            arraysOfTables[array].append(element)
            return (element, arraysOfTables[array].count - 1)
        case .table:
            throw .alreadyDefined(as: "a table")
        case nil:
            try checkNoValue(key, in: table)
            tables.append(TOMLTable(origin: .header))
            tables[table].children[key] = .arrayOfTables(arraysOfTables.count)
            arraysOfTables.append([element])
            return (element, 0)
        }
    }

    /// The kind of what `key` already holds in `table` ("an integer", "a table"), or nil when it is free,
    /// as a `key = value` must find it.
    func existingKind(of key: String, in table: Int) -> String? {
        switch tables[table].children[key] {
        case .table: return "a table"
        case .arrayOfTables: return "an array of tables"
        case nil: return tables[table].values[key]?.kindDescription
        }
    }

    /// Stores a complete value under `key`, which `existingKind` has found free. A table's first value makes
    /// room for a few more, as tables in a configuration mostly hold several keys.
    mutating func insert(_ value: ConfigValue, for key: String, in table: Int) {
        if tables[table].values.isEmpty { tables[table].values.reserveCapacity(6) }
        tables[table].values[key] = value
    }

    /// Starts the table of an inline table (`{ ... }`), which dotted keys inside it may extend.
    mutating func openInlineTable() -> Int {
        tables.append(TOMLTable(origin: .dottedKeys))
        return tables.count - 1
    }

    /// The finished inline table at `table`, whose tables (the last ones added) are then let go of.
    mutating func closeInlineTable(_ table: Int) -> ConfigValue {
        let value = ConfigValue.table(members(of: table))
        tables.removeSubrange(table...)
        return value
    }

    /// The whole document, once read.
    mutating func finish() -> [String: ConfigValue] {
        members(of: TOMLTableStore.root)
    }

    private func checkNoValue(_ key: String, in table: Int) throws(TOMLConflict) {
        guard let value = tables[table].values[key] else { return }
        if case .table = value { throw .inlineTable }
        throw .alreadyDefined(as: value.kindDescription)
    }

    private mutating func addTable(_ key: String, in table: Int, origin: TOMLTable.Origin) -> Int {
        tables.append(TOMLTable(origin: origin))
        tables[table].children[key] = .table(tables.count - 1)
        return tables.count - 1
    }

    /// The members of `table` as `ConfigValue`s, its open tables converted (moved out of the store: each
    /// table is converted once, at the end).
    private mutating func members(of table: Int) -> [String: ConfigValue] {
        var members: [String: ConfigValue] = [:]
        swap(&members, &tables[table].values)
        let children = tables[table].children
        guard !children.isEmpty else { return members }
        members.reserveCapacity(members.count + children.count)
        for (key, child) in children {
            switch child {
            case .table(let index):
                members[key] = .table(self.members(of: index))
            case .arrayOfTables(let array):
                members[key] = .array(arraysOfTables[array].map { .table(self.members(of: $0)) })
            }
        }
        return members
    }
}

/// One table while its document is read.
struct TOMLTable {
    /// How a table came to be, which decides what may add to it later.
    enum Origin {
        /// Named only on the way to a deeper `[header]` (`a` in `[a.b]`): a header may still define it.
        case implicit
        /// Defined by its own `[header]` or `[[header]]` (or the root): complete when its section ends.
        case header
        /// Defined by dotted keys (`a.b = 1` defines `a`), or the table of an inline table.
        case dottedKeys
    }

    /// A table or array of tables inside this one, by its index in the store.
    enum Child {
        case table(Int)
        case arrayOfTables(Int)
    }

    var origin: Origin
    /// The complete values: scalars, arrays, inline tables.
    var values: [String: ConfigValue] = [:]
    /// The tables and arrays of tables, still open.
    var children: [String: Child] = [:]
}

/// Why a key cannot be (re)defined where the document defines it; `TOMLErrorWording` words it.
enum TOMLConflict: Error {
    /// The key already holds a value of the kind named ("an integer", "a table").
    case alreadyDefined(as: String)
    /// The key holds an inline table, which nothing may extend.
    case inlineTable
    /// A `[header]` names a table that is already defined.
    case definedTwice
    /// Dotted keys reach into a table that its own `[header]` defined.
    case definedByHeader
}
