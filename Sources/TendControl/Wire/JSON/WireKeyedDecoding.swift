import TendCore

/// The keyed container of `WireDecoding`: finds each key under its snake_case wire name.
///
/// A key is looked up under the name the encoder writes for it (`uptimeSeconds` under `uptime_seconds`), so
/// everything the encoder writes reads back, and then under its own name (a camelCase key in hand-written
/// JSON, which Foundation's `.convertFromSnakeCase` also accepted). `allKeys` names the object's keys as
/// `.convertFromSnakeCase` does.
struct WireKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: ConfigValue]
    let codingPath: [any CodingKey]

    var allKeys: [Key] {
        members.keys.compactMap { Key(stringValue: SnakeCaseKeys.camelCased($0)) }
    }

    func contains(_ key: Key) -> Bool { lookUp(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { try member(key) == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decodeScalar(type, forKey: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decodeScalar(type, forKey: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decodeScalar(type, forKey: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decodeScalar(type, forKey: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decodeScalar(type, forKey: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decodeScalar(type, forKey: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decodeScalar(type, forKey: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decodeScalar(type, forKey: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decodeScalar(type, forKey: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decodeScalar(type, forKey: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decodeScalar(type, forKey: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decodeScalar(type, forKey: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decodeScalar(type, forKey: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decodeScalar(type, forKey: key) }

    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        try WireDecoding.decode(type, from: try member(key), at: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try nestedDecoder(forKey: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try nestedDecoder(forKey: key).unkeyedContainer()
    }

    /// A decoder of the member `super`, or of null when there is none (as Foundation does).
    func superDecoder() throws -> any Decoder {
        let key = WireCodingKey.super
        return WireDecoding(value: members[key.stringValue] ?? .null, codingPath: codingPath + [key])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        WireDecoding(value: lookUp(key) ?? .null, codingPath: codingPath + [key])
    }

    private func decodeScalar<Scalar: WireScalar>(_ type: Scalar.Type, forKey key: Key) throws -> Scalar {
        try Scalar.read(from: try member(key), codingPath: codingPath + [key])
    }

    private func nestedDecoder(forKey key: Key) throws -> WireDecoding {
        WireDecoding(value: try member(key), codingPath: codingPath + [key])
    }

    private func lookUp(_ key: Key) -> ConfigValue? {
        members[SnakeCaseKeys.snakeCased(key.stringValue)] ?? members[key.stringValue]
    }

    /// The member at `key`; a missing one throws `keyNotFound`.
    private func member(_ key: Key) throws -> ConfigValue {
        guard let value = lookUp(key) else {
            throw DecodingError.keyNotFound(
                key,
                .init(codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\").")
            )
        }
        return value
    }
}
