import TOMLKit

extension ConfigValue {
    /// The members of a TOMLKit table as `ConfigValue`s, nested tables and arrays included.
    static func members(of table: TOMLTable) -> [String: ConfigValue] {
        var members: [String: ConfigValue] = [:]
        members.reserveCapacity(table.count)
        for (key, value) in table {
            members[key] = ConfigValue(tomlValue: value)
        }
        return members
    }

    /// Converts one TOMLKit value; dates and times keep their TOML text (`1979-05-27T07:32:00Z`).
    ///
    /// TOMLKit's typed accessors return nil only for a value of another type, which the switch excludes.
    init(tomlValue value: TOMLValueConvertible) {
        switch value.type {
        case .table:
            self = .table(ConfigValue.members(of: value.table!))
        case .array:
            self = .array(value.array!.map { ConfigValue(tomlValue: $0) })
        case .string:
            self = .string(value.string!)
        case .int:
            self = .integer(Int64(value.int!))
        case .double:
            self = .float(value.double!)
        case .bool:
            self = .boolean(value.bool!)
        case .date:
            self = .datetime(TOMLDateText.text(of: value.date!))
        case .time:
            self = .datetime(TOMLDateText.text(of: value.time!))
        case .dateTime:
            self = .datetime(TOMLDateText.text(of: value.dateTime!))
        }
    }
}
