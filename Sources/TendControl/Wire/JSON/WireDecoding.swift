import TendCore

/// The `Decoder` a value decodes itself from: one value of the parsed JSON tree (TendCore's `ConfigValue`)
/// and where it stands in the document.
struct WireDecoding: Decoder {
    let value: ConfigValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .table(let members) = value else {
            throw DecodingError.wireMismatch(KeyedDecodingContainer<Key>.self, value, codingPath)
        }
        return KeyedDecodingContainer(WireKeyedDecoding<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw DecodingError.wireMismatch((any UnkeyedDecodingContainer).self, value, codingPath)
        }
        return WireUnkeyedDecoding(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueDecodingContainer {
        WireSingleValueDecoding(value: value, codingPath: codingPath)
    }

    /// Decodes `type` from `value`, found at `codingPath`: a scalar directly, a `[String: Value]` dictionary
    /// with its keys as they are (the encoder does not convert them), anything else through `init(from:)`.
    static func decode<Value: Decodable>(_ type: Value.Type, from value: ConfigValue, at codingPath: [any CodingKey]) throws -> Value {
        if let scalarType = type as? any WireScalar.Type,
            let scalar = try scalarType.read(from: value, codingPath: codingPath) as? Value
        {
            return scalar
        }
        if let dictionaryType = type as? any WireStringKeyedDecodable.Type {
            guard case .table(let members) = value else { throw DecodingError.wireMismatch(type, value, codingPath) }
            if let dictionary = try dictionaryType.init(wireMembers: members, at: codingPath) as? Value { return dictionary }
        }
        return try Value(from: WireDecoding(value: value, codingPath: codingPath))
    }
}

/// A `[String: Value]` dictionary, read with its keys as they are; see `WireStringKeyedEncodable`.
protocol WireStringKeyedDecodable {
    /// The dictionary of `members`, each value decoded at `codingPath` plus its key.
    init(wireMembers members: [String: ConfigValue], at codingPath: [any CodingKey]) throws
}

extension Dictionary: WireStringKeyedDecodable where Key == String, Value: Decodable {
    init(wireMembers members: [String: ConfigValue], at codingPath: [any CodingKey]) throws {
        self.init(minimumCapacity: members.count)
        for (key, value) in members {
            self[key] = try WireDecoding.decode(Value.self, from: value, at: codingPath + [WireCodingKey(stringValue: key)])
        }
    }
}
