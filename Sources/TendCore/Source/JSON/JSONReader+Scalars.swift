extension JSONReader {
    /// Reads the number at the cursor: an integer that fits `Int64` becomes `.integer`, any other number
    /// (a fraction, an exponent, or an integer too large) becomes `.float`.
    mutating func readNumber() throws(SyntaxError) -> ConfigValue {
        let start = offset
        let count = bytes.count
        var index = start
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < count, JSONReader.isDigit(bytes[index]) else {
            throw error(at: index, "invalid number: expected a digit after '-', found \(describe(at: index))")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < count, JSONReader.isDigit(bytes[index]) {
                throw error(at: index - 1, "invalid number: leading zeros are not allowed")
            }
        } else {
            index = digitsEnd(from: index)
        }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < count, JSONReader.isDigit(bytes[index]) else {
                throw error(
                    at: index, "invalid number: expected a digit after the decimal point, found \(describe(at: index))"
                )
            }
            index = digitsEnd(from: index)
        }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < count, JSONReader.isDigit(bytes[index]) else {
                throw error(at: index, "invalid number: expected a digit in the exponent, found \(describe(at: index))")
            }
            index = digitsEnd(from: index)
        }
        if index < count, JSONReader.isWordByte(bytes[index]) {
            throw error(at: index, "invalid number: unexpected \(describe(at: index))")
        }
        offset = index
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let integer = Int64(text) {
            return .integer(integer)
        }
        guard let number = Double(text), number.isFinite else {
            throw error(at: start, "number out of range: \(text)")
        }
        return .float(number)
    }

    /// Reads `true`, `false` or `null` at the cursor; any other bare word is an error naming it.
    mutating func readLiteral() throws(SyntaxError) -> ConfigValue {
        let start = offset
        var end = start
        while end < bytes.count, JSONReader.isWordByte(bytes[end]) { end += 1 }
        let word = bytes[start..<end]
        let value: ConfigValue
        if word.elementsEqual("true".utf8) {
            value = .boolean(true)
        } else if word.elementsEqual("false".utf8) {
            value = .boolean(false)
        } else if word.elementsEqual("null".utf8) {
            value = .null
        } else {
            let shown = String(decoding: word.prefix(40), as: UTF8.self) + (word.count > 40 ? "…" : "")
            throw error(at: start, "unknown value '\(shown)': strings must be written in double quotes")
        }
        offset = end
        return value
    }

    private func digitsEnd(from start: Int) -> Int {
        var index = start
        while index < bytes.count, JSONReader.isDigit(bytes[index]) { index += 1 }
        return index
    }
}
