import FoundationEssentials

/// The one JSON form of the control API: snake_case keys, sorted, absent values left out; both the server
/// and the client use it, so what one writes the other reads.
public enum WireJSON {
    /// A fresh encoder with the wire settings (`JSONEncoder` is not safe to share across tasks).
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A fresh decoder with the wire settings.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    /// Encodes `value` as wire JSON bytes.
    public static func encode(_ value: some Encodable, pretty: Bool = false) throws -> [UInt8] {
        Array(try encoder(pretty: pretty).encode(value))
    }

    /// Decodes wire JSON bytes as `type`.
    public static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        try decoder().decode(type, from: Data(bytes))
    }
}
