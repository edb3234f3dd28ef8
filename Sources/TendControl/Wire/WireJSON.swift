import TendCore

/// The one JSON form of the control API: snake_case keys, sorted, absent values left out; both the server
/// and the client use it, so what one writes the other reads.
///
/// The form is the one Foundation's `JSONEncoder` wrote with `.convertToSnakeCase`, `.sortedKeys` and
/// `.withoutEscapingSlashes` (plus `.prettyPrinted` for `pretty`), byte for byte; the encoder and decoder
/// are tend's own (in `JSON/`), so that the daemon does not carry Foundation for this alone.
public enum WireJSON {
    /// Encodes `value` as wire JSON bytes, with no line break at the end. Throws an `EncodingError` for a
    /// value JSON cannot express: a non-finite number, or a top-level value that encodes nothing.
    public static func encode(_ value: some Encodable, pretty: Bool = false) throws -> [UInt8] {
        JSONTreeWriter.write(try WireEncoding.tree(of: value), pretty: pretty)
    }

    /// Decodes wire JSON bytes as `type`. The top level must be an object, as every control API message
    /// is. Throws a `DecodingError`: `dataCorrupted` for bytes that are not JSON (its underlying error is the
    /// parser's `SyntaxError`, with the line and column) or a number the type cannot hold; `keyNotFound`,
    /// `valueNotFound` and `typeMismatch` as their names say.
    public static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        let root: [String: ConfigValue]
        do {
            root = try JSONDocumentParser.parseValues(bytes)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: [],
                    debugDescription: "The given data was not valid JSON: \(error.position.line):\(error.position.column): \(error.message)",
                    underlyingError: error
                )
            )
        }
        return try WireDecoding.decode(type, from: .table(root), at: [])
    }
}
