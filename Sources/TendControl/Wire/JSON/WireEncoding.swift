/// The `Encoder` a value encodes itself to: it records what the value encodes as a `WireSlot`, which
/// becomes a `JSONTree` once the whole top-level value has been encoded.
///
/// It is a class because containers, nested containers and super encoders keep writing into it after the
/// call that created them has returned.
final class WireEncoding: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// What the value has encoded so far; nil until it asks for a container.
    var encoded: WireSlot?

    init(codingPath: [any CodingKey]) {
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(WireKeyedEncoding<Key>(object: objectBuilder(), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        WireUnkeyedEncoding(array: arrayBuilder(), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        WireSingleValueEncoding(encoding: self)
    }

    /// The object this value is writing; asking for a keyed container twice gives the same object.
    private func objectBuilder() -> WireObjectBuilder {
        if case .object(let existing) = encoded { return existing }
        let object = WireObjectBuilder()
        encoded = .object(object)
        return object
    }

    /// The array this value is writing; asking for an unkeyed container twice gives the same array.
    private func arrayBuilder() -> WireArrayBuilder {
        if case .array(let existing) = encoded { return existing }
        let array = WireArrayBuilder()
        encoded = .array(array)
        return array
    }

    /// Encodes `value`, found at `codingPath`: a scalar directly, a `[String: Value]` dictionary with its keys
    /// as they are (Foundation does not convert those either), anything else through its `encode(to:)`.
    static func slot<Value: Encodable>(for value: Value, at codingPath: [any CodingKey]) throws -> WireSlot {
        if let scalar = value as? any WireScalar {
            return .value(try scalar.jsonTree(codingPath: codingPath))
        }
        if let dictionary = value as? any WireStringKeyedEncodable {
            return .object(try dictionary.wireObject(at: codingPath))
        }
        let encoding = WireEncoding(codingPath: codingPath)
        try value.encode(to: encoding)
        return encoding.encoded ?? .encoder(encoding)
    }

    /// The tree of a whole top-level value; one that encodes nothing at all throws, as with Foundation.
    static func tree<Value: Encodable>(of value: Value) throws -> JSONTree {
        let slot = try slot(for: value, at: [])
        if case .encoder(let encoding) = slot, encoding.encoded == nil {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "Top-level \(Value.self) did not encode any values.")
            )
        }
        return slot.tree
    }
}

/// One encoded value: finished, or a container or encoder that may still be written to until the top-level
/// value is done.
enum WireSlot {
    case value(JSONTree)
    case object(WireObjectBuilder)
    case array(WireArrayBuilder)
    /// A nested or super encoder; one that never asked for a container is an empty object.
    case encoder(WireEncoding)

    /// The finished value.
    var tree: JSONTree {
        switch self {
        case .value(let tree): return tree
        case .object(let object): return .object(object.members.mapValues(\.tree))
        case .array(let array): return .array(array.elements.map(\.tree))
        case .encoder(let encoding): return encoding.encoded?.tree ?? .object([:])
        }
    }
}

/// The members of an object being encoded, under their wire names.
final class WireObjectBuilder {
    var members: [String: WireSlot] = [:]
}

/// The elements of an array being encoded.
final class WireArrayBuilder {
    var elements: [WireSlot] = []
}

/// A `[String: Value]` dictionary, whose keys the wire JSON writes as they are: they are data (process
/// names, say), not Swift property names, and Foundation's key conversion leaves them alone too.
protocol WireStringKeyedEncodable {
    /// The dictionary as an object, each value encoded at `codingPath` plus its key.
    func wireObject(at codingPath: [any CodingKey]) throws -> WireObjectBuilder
}

extension Dictionary: WireStringKeyedEncodable where Key == String, Value: Encodable {
    func wireObject(at codingPath: [any CodingKey]) throws -> WireObjectBuilder {
        let object = WireObjectBuilder()
        for (key, value) in self {
            object.members[key] = try WireEncoding.slot(for: value, at: codingPath + [WireCodingKey(stringValue: key)])
        }
        return object
    }
}
