import TendCore

/// The unkeyed container of `WireDecoding`: reads an array's elements in order.
///
/// A class, so that its scalar `decode` overloads can be the non-mutating ones `WireScalarDecodingContainer`
/// shares with the single-value container. An element that fails to decode is not consumed.
final class WireUnkeyedDecoding: UnkeyedDecodingContainer, WireScalarDecodingContainer {
    let elements: [ConfigValue]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(elements: [ConfigValue], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    /// Moves past the current element only when it is null.
    func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw atEnd(Any?.self) }
        guard elements[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    func decodeScalar<Scalar: WireScalar>(_ type: Scalar.Type) throws -> Scalar {
        try next(type) { value, path in try Scalar.read(from: value, codingPath: path) }
    }

    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try next(type) { value, path in try WireDecoding.decode(type, from: value, at: path) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next(KeyedDecodingContainer<NestedKey>.self) { value, path in
            try WireDecoding(value: value, codingPath: path).container(keyedBy: type)
        }
    }

    func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next((any UnkeyedDecodingContainer).self) { value, path in
            try WireDecoding(value: value, codingPath: path).unkeyedContainer()
        }
    }

    func superDecoder() throws -> any Decoder {
        try next((any Decoder).self) { value, path in WireDecoding(value: value, codingPath: path) }
    }

    /// Reads the current element with `read` and moves past it once `read` has succeeded; at the end of
    /// the array, throws `valueNotFound` for `type`.
    private func next<Result>(
        _ type: Any.Type, _ read: (ConfigValue, [any CodingKey]) throws -> Result
    ) throws -> Result {
        guard !isAtEnd else { throw atEnd(type) }
        let result = try read(elements[currentIndex], codingPath + [WireCodingKey(intValue: currentIndex)])
        currentIndex += 1
        return result
    }

    private func atEnd(_ type: Any.Type) -> DecodingError {
        .valueNotFound(
            type, .init(codingPath: codingPath + [WireCodingKey(intValue: currentIndex)], debugDescription: "Unkeyed container is at end.")
        )
    }
}

/// The single-value container of `WireDecoding`: the decoder's whole value.
struct WireSingleValueDecoding: SingleValueDecodingContainer, WireScalarDecodingContainer {
    let value: ConfigValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { value == .null }

    func decodeScalar<Scalar: WireScalar>(_ type: Scalar.Type) throws -> Scalar {
        try Scalar.read(from: value, codingPath: codingPath)
    }

    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try WireDecoding.decode(type, from: value, at: codingPath)
    }
}
