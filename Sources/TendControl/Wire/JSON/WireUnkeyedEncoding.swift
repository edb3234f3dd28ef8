/// The unkeyed container of `WireEncoding`: appends each value to an array.
struct WireUnkeyedEncoding: UnkeyedEncodingContainer, WireScalarEncodingContainer {
    let array: WireArrayBuilder
    let codingPath: [any CodingKey]

    var count: Int { array.elements.count }

    mutating func encodeNil() throws { array.elements.append(.value(.null)) }

    mutating func encodeScalar(_ value: some WireScalar) throws {
        array.elements.append(.value(try value.jsonTree(codingPath: nextPath)))
    }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        array.elements.append(try WireEncoding.slot(for: value, at: nextPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        nestedEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        nestedEncoder().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        nestedEncoder()
    }

    /// The coding path of the element appended next.
    private var nextPath: [any CodingKey] { codingPath + [WireCodingKey(intValue: count)] }

    /// A fresh encoder whose value becomes the next element.
    private func nestedEncoder() -> WireEncoding {
        let encoding = WireEncoding(codingPath: nextPath)
        array.elements.append(.encoder(encoding))
        return encoding
    }
}

/// The single-value container of `WireEncoding`: the value it encodes is the encoder's whole value.
struct WireSingleValueEncoding: SingleValueEncodingContainer, WireScalarEncodingContainer {
    let encoding: WireEncoding

    var codingPath: [any CodingKey] { encoding.codingPath }

    mutating func encodeNil() throws { encoding.encoded = .value(.null) }

    mutating func encodeScalar(_ value: some WireScalar) throws {
        encoding.encoded = .value(try value.jsonTree(codingPath: codingPath))
    }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        encoding.encoded = try WireEncoding.slot(for: value, at: codingPath)
    }
}
