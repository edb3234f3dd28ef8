/// The keyed container of `WireEncoding`: writes each member under its key's snake_case wire name.
struct WireKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: WireObjectBuilder
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { object.members[Self.wireName(key)] = .value(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try encodeScalar(value, forKey: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try encodeScalar(value, forKey: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try encodeScalar(value, forKey: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encodeScalar(value, forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try encodeScalar(value, forKey: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encodeScalar(value, forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encodeScalar(value, forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encodeScalar(value, forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try encodeScalar(value, forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encodeScalar(value, forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encodeScalar(value, forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encodeScalar(value, forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encodeScalar(value, forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try encodeScalar(value, forKey: key) }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        object.members[Self.wireName(key)] = try WireEncoding.slot(for: value, at: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        nestedEncoder(forKey: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        nestedEncoder(forKey: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        nestedEncoder(forKey: WireCodingKey.super)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        nestedEncoder(forKey: key)
    }

    private func encodeScalar(_ value: some WireScalar, forKey key: Key) throws {
        object.members[Self.wireName(key)] = .value(try value.jsonTree(codingPath: codingPath + [key]))
    }

    /// A fresh encoder whose value becomes the member at `key`.
    private func nestedEncoder(forKey key: some CodingKey) -> WireEncoding {
        let encoding = WireEncoding(codingPath: codingPath + [key])
        object.members[Self.wireName(key)] = .encoder(encoding)
        return encoding
    }

    private static func wireName(_ key: some CodingKey) -> String {
        SnakeCaseKeys.snakeCased(key.stringValue)
    }
}
