extension TOMLReader {
    /// Reads the integer or float at the cursor: decimal with an optional sign, `_` between digits, a
    /// fraction and an exponent; `0x`, `0o` and `0b` integers; `inf` and `nan` after a sign.
    ///
    /// Errors about the number as a whole (leading zeros, out of range) are placed just after it, where a
    /// reader has seen all of it; errors about one character, at that character.
    mutating func readNumber() throws(SyntaxError) -> ConfigValue {
        let start = offset
        let isNegative = bytes[start] == UInt8(ascii: "-")
        let digitsStart = bytes[start] == UInt8(ascii: "+") || isNegative ? start + 1 : start
        if let special = specialFloat(at: digitsStart, isNegative: isNegative) {
            offset = digitsStart + 3
            return .float(special)
        }
        if byte(at: digitsStart) == UInt8(ascii: "0"), let radix = TOMLReader.radix(after: byte(at: digitsStart + 1)) {
            guard digitsStart == start else {
                throw error(at: start, "a sign is not allowed before a hexadecimal, octal or binary integer")
            }
            return try readPrefixedInteger(radix: radix)
        }
        guard let first = byte(at: digitsStart), TOMLReader.isDigit(first) else {
            throw error(at: digitsStart, "expected a digit after the sign, found \(describe(at: digitsStart))")
        }
        var index = try digitRunEnd(from: digitsStart, radix: 10)
        let integerEnd = index
        var isFloat = false
        if byte(at: index) == UInt8(ascii: ".") {
            isFloat = true
            index = try digitRunEnd(from: index + 1, radix: 10, expected: "a digit after the decimal point")
        }
        if let byte = byte(at: index), byte | 0x20 == UInt8(ascii: "e") {
            isFloat = true
            index += 1
            if let sign = self.byte(at: index), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
            index = try digitRunEnd(from: index, radix: 10, expected: "a digit in the exponent")
        }
        if bytes[digitsStart] == UInt8(ascii: "0") && integerEnd - digitsStart > 1 {
            throw error(at: index, "leading zeros are not allowed in numbers")
        }
        offset = index
        if isFloat {
            guard let number = Double(digitsWithoutUnderscores(start..<index)), number.isFinite else {
                throw error(at: index, "floating-point number \(text(start..<index)) is out of range")
            }
            return .float(number)
        }
        return .integer(try integerValue(digits: digitsStart..<index, radix: 10, isNegative: isNegative, written: start))
    }

    /// `inf` or `nan` at `index`, as a float with the sign given, or nil when neither is written there.
    private func specialFloat(at index: Int, isNegative: Bool) -> Double? {
        guard index + 3 <= bytes.count else { return nil }
        let word = bytes[index..<(index + 3)]
        if word.elementsEqual("inf".utf8) { return isNegative ? -.infinity : .infinity }
        if word.elementsEqual("nan".utf8) { return isNegative ? -.nan : .nan }
        return nil
    }

    /// Reads `0x...`, `0o...` or `0b...` at the cursor.
    private mutating func readPrefixedInteger(radix: Int) throws(SyntaxError) -> ConfigValue {
        let start = offset
        let name = radix == 16 ? "a hexadecimal" : radix == 8 ? "an octal" : "a binary"
        let prefix = text(start..<(start + 2))
        let end = try digitRunEnd(from: start + 2, radix: radix, expected: "\(name) digit after \(prefix)")
        offset = end
        return .integer(try integerValue(digits: (start + 2)..<end, radix: radix, isNegative: false, written: start))
    }

    /// The end of the digits (in `radix`) starting at `start`, with single underscores between them.
    private mutating func digitRunEnd(
        from start: Int,
        radix: Int,
        expected: String = "a digit"
    ) throws(SyntaxError) -> Int {
        guard let first = byte(at: start), TOMLReader.digitValue(first, radix: radix) != nil else {
            throw error(at: start, "expected \(expected), found \(describe(at: start))")
        }
        var index = start + 1
        while let byte = byte(at: index) {
            if TOMLReader.digitValue(byte, radix: radix) != nil {
                index += 1
            } else if byte == UInt8(ascii: "_") {
                guard let next = self.byte(at: index + 1), TOMLReader.digitValue(next, radix: radix) != nil else {
                    throw error(at: index, "an underscore in a number must stand between two digits")
                }
                index += 2
            } else {
                break
            }
        }
        return index
    }

    /// The value of the digits in `range` (underscores skipped), which must fit in 64 bits signed.
    private mutating func integerValue(
        digits range: Range<Int>,
        radix: Int,
        isNegative: Bool,
        written start: Int
    ) throws(SyntaxError) -> Int64 {
        var magnitude: UInt64 = 0
        var overflow = false
        for index in range {
            guard let digit = TOMLReader.digitValue(bytes[index], radix: radix) else { continue }
            let (shifted, overflowed) = magnitude.multipliedReportingOverflow(by: UInt64(radix))
            let (sum, carried) = shifted.addingReportingOverflow(UInt64(digit))
            overflow = overflow || overflowed || carried
            magnitude = sum
        }
        let limit = isNegative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        guard !overflow, magnitude <= limit else {
            throw error(
                at: range.upperBound,
                "integer \(text(start..<range.upperBound)) is out of range (it does not fit in 64 bits)"
            )
        }
        return isNegative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude)
    }

    /// The text of `range` with its underscores left out, as `Double` reads it.
    private func digitsWithoutUnderscores(_ range: Range<Int>) -> String {
        let slice = bytes[range]
        guard slice.contains(UInt8(ascii: "_")) else { return text(range) }
        return String(decoding: slice.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
    }

    /// The radix a `0x`, `0o` or `0b` prefix names, given the letter after the zero.
    private static func radix(after letter: UInt8?) -> Int? {
        switch letter {
        case UInt8(ascii: "x"): return 16
        case UInt8(ascii: "o"): return 8
        case UInt8(ascii: "b"): return 2
        default: return nil
        }
    }

    /// The value of `byte` as a digit in `radix`, or nil when it is not one.
    private static func digitValue(_ byte: UInt8, radix: Int) -> UInt8? {
        guard let value = hexValue(byte), Int(value) < radix else { return nil }
        return value
    }
}
