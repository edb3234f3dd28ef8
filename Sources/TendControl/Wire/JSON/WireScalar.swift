import TendCore

/// A value the wire JSON writes as a JSON scalar and reads back from one, without going through an
/// `Encoder` or `Decoder`: `Bool`, `String`, every integer type, `Double` and `Float`.
protocol WireScalar: Codable {
    /// The value as JSON; throws an `EncodingError` for a value JSON cannot express (a non-finite number).
    func jsonTree(codingPath: @autoclosure () -> [any CodingKey]) throws -> JSONTree

    /// Reads a value of this type from `value`, throwing the `DecodingError` Foundation's decoder throws:
    /// `valueNotFound` for null, `typeMismatch` for another kind of value, `dataCorrupted` for a number the
    /// type cannot hold exactly.
    static func read(from value: ConfigValue, codingPath: @autoclosure () -> [any CodingKey]) throws -> Self
}

extension Bool: WireScalar {
    func jsonTree(codingPath: @autoclosure () -> [any CodingKey]) -> JSONTree { .bool(self) }

    static func read(from value: ConfigValue, codingPath: @autoclosure () -> [any CodingKey]) throws -> Bool {
        guard case .boolean(let bool) = value else { throw DecodingError.wireMismatch(Bool.self, value, codingPath()) }
        return bool
    }
}

extension String: WireScalar {
    func jsonTree(codingPath: @autoclosure () -> [any CodingKey]) -> JSONTree { .string(self) }

    static func read(from value: ConfigValue, codingPath: @autoclosure () -> [any CodingKey]) throws -> String {
        guard case .string(let string) = value else { throw DecodingError.wireMismatch(String.self, value, codingPath()) }
        return string
    }
}

extension WireScalar where Self: FixedWidthInteger {
    func jsonTree(codingPath: @autoclosure () -> [any CodingKey]) -> JSONTree { .number(String(self)) }

    /// An integer literal must fit the type; a number written with a fraction or an exponent is accepted
    /// only when it is a whole number that fits (`1e3`, `2.0`), as Foundation accepts it. Integers beyond
    /// `Int64` reach here as `Double`s, rounded by the parser, so those are refused rather than guessed at.
    static func read(from value: ConfigValue, codingPath: @autoclosure () -> [any CodingKey]) throws -> Self {
        let exact: Self?
        switch value {
        case .integer(let integer): exact = Self(exactly: integer)
        case .float(let float): exact = float.magnitude <= 0x1p53 ? Self(exactly: float) : nil
        default: throw DecodingError.wireMismatch(Self.self, value, codingPath())
        }
        guard let exact else { throw DecodingError.wireNumberDoesNotFit(Self.self, value, codingPath()) }
        return exact
    }
}

extension WireScalar where Self: BinaryFloatingPoint {
    /// Swift's shortest text that reads back as the same value, without a trailing `.0` (`1`, `0.1`,
    /// `1e+16`), as Foundation writes it; a non-finite value throws, as JSON has no text for it.
    func jsonTree(codingPath: @autoclosure () -> [any CodingKey]) throws -> JSONTree {
        guard isFinite else {
            throw EncodingError.invalidValue(
                self, .init(codingPath: codingPath(), debugDescription: "Unable to encode \(Self.self).\(self) directly in JSON.")
            )
        }
        let text = "\(self)"
        return .number(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }

    /// Any JSON number, rounded to the nearest value of the type; one beyond the type's range throws.
    static func read(from value: ConfigValue, codingPath: @autoclosure () -> [any CodingKey]) throws -> Self {
        let number: Self
        switch value {
        case .integer(let integer): number = Self(integer)
        case .float(let float): number = Self(float)
        default: throw DecodingError.wireMismatch(Self.self, value, codingPath())
        }
        guard number.isFinite else { throw DecodingError.wireNumberDoesNotFit(Self.self, value, codingPath()) }
        return number
    }
}

extension Double: WireScalar {}
extension Float: WireScalar {}
extension Int: WireScalar {}
extension Int8: WireScalar {}
extension Int16: WireScalar {}
extension Int32: WireScalar {}
extension Int64: WireScalar {}
extension UInt: WireScalar {}
extension UInt8: WireScalar {}
extension UInt16: WireScalar {}
extension UInt32: WireScalar {}
extension UInt64: WireScalar {}
