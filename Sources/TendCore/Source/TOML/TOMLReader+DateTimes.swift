extension TOMLReader {
    /// Whether a date (`1979-05-27...`) or a local time (`07:32:00`) starts at the cursor rather than a
    /// number: two digits and a colon, or four digits and a dash.
    var startsDateOrTime: Bool {
        let start = offset
        guard let second = byte(at: start + 1), TOMLReader.isDigit(second) else { return false }
        if byte(at: start + 2) == UInt8(ascii: ":") { return true }
        guard let third = byte(at: start + 2), let fourth = byte(at: start + 3) else { return false }
        return TOMLReader.isDigit(third) && TOMLReader.isDigit(fourth) && byte(at: start + 4) == UInt8(ascii: "-")
    }

    /// Reads an offset date-time, a local date-time, a local date or a local time, checks every field's
    /// range (the day against its month and leap years), and returns it as RFC 3339 text: `T` between date
    /// and time, a fraction without trailing zeros (nanoseconds at most), `Z` for a zero offset.
    ///
    /// Where the value ends is found first, from its separators, and its digits checked after, so that a
    /// broken time after a date is reported as such whatever the date's digits hold.
    mutating func readDateTime() throws(SyntaxError) -> ConfigValue {
        let start = offset
        if byte(at: start + 2) == UInt8(ascii: ":") {
            guard hasTimeShape(at: start) else {
                throw error(at: start, "incomplete time: expected HH:MM:SS")
            }
            var text = try readTime(at: start)
            text += try readFraction()
            return .datetime(text)
        }
        if byte(at: start + 7) != UInt8(ascii: "-") {
            try checkPattern("dddd-dd-dd", at: start, what: "date", layout: "YYYY-MM-DD")
        }
        offset = start + 10
        guard let timeStart = try timeStartAfterDate(at: offset) else {
            try checkDate(at: start)
            return .datetime(text(start..<(start + 10)))
        }
        guard hasTimeShape(at: timeStart) else {
            throw error(at: timeStart, "incomplete time after the date: expected HH:MM:SS")
        }
        try checkDate(at: start)
        var text = text(start..<(start + 10)) + "T" + (try readTime(at: timeStart))
        text += try readFraction()
        text += try readTimeOffset()
        return .datetime(text)
    }

    /// Where the time of a date-time starts, after the `T`, `t` or space at `separator`; nil for a date alone.
    private mutating func timeStartAfterDate(at separator: Int) throws(SyntaxError) -> Int? {
        let next = separator + 1
        switch byte(at: separator) {
        case UInt8(ascii: "T"), UInt8(ascii: "t"):
            guard let digit = byte(at: next), TOMLReader.isDigit(digit) else {
                throw error(at: next, "expected a time (HH:MM:SS) after the date, found \(describe(at: next))")
            }
            return next
        case 0x20:
            guard let digit = byte(at: next), TOMLReader.isDigit(digit) else { return nil }
            return next
        default:
            return nil
        }
    }

    /// Whether `HH:MM:SS` fits at `start` as far as its colons go.
    private func hasTimeShape(at start: Int) -> Bool {
        start + 8 <= bytes.count && bytes[start + 2] == UInt8(ascii: ":") && bytes[start + 5] == UInt8(ascii: ":")
    }

    /// Checks the digits and ranges of the date `YYYY-MM-DD` at `start`.
    private mutating func checkDate(at start: Int) throws(SyntaxError) {
        try checkPattern("dddd-dd-dd", at: start, what: "date", layout: "YYYY-MM-DD")
        let year = number(at: start, digits: 4)
        let month = number(at: start + 5, digits: 2)
        guard (1...12).contains(month) else {
            throw error(at: start + 7, "expected month between 1 and 12 (inclusive), found \(month)")
        }
        let days = TOMLReader.daysIn(month: month, year: year)
        let day = number(at: start + 8, digits: 2)
        guard (1...days).contains(day) else {
            throw error(at: start + 10, "expected day between 1 and \(days) (inclusive), found \(day)")
        }
    }

    /// Reads `HH:MM:SS` at `start`, checking its digits and ranges, and returns it as written.
    private mutating func readTime(at start: Int) throws(SyntaxError) -> String {
        try checkPattern("dd:dd:dd", at: start, what: "time", layout: "HH:MM:SS")
        try checkRange(at: start, upTo: 23, "hour")
        try checkRange(at: start + 3, upTo: 59, "minute")
        try checkRange(at: start + 6, upTo: 59, "second")
        offset = start + 8
        return text(start..<(start + 8))
    }

    /// Reads the fraction of a second at the cursor, if any: `.` and at least one digit. Digits past
    /// nanoseconds are cut off (TOML asks for truncation, not rounding), as are trailing zeros.
    private mutating func readFraction() throws(SyntaxError) -> String {
        guard current == UInt8(ascii: ".") else { return "" }
        let start = offset + 1
        var end = start
        while let byte = byte(at: end), TOMLReader.isDigit(byte) { end += 1 }
        guard end > start else {
            throw error(at: start, "expected digits after the decimal point of the seconds, found \(describe(at: start))")
        }
        offset = end
        var kept = min(end, start + 9)
        while kept > start && bytes[kept - 1] == UInt8(ascii: "0") { kept -= 1 }
        return kept > start ? "." + text(start..<kept) : ""
    }

    /// Reads the offset of a date-time at the cursor, if any: `Z` (or `z`), `+HH:MM` or `-HH:MM`; a zero
    /// offset is written `Z`.
    private mutating func readTimeOffset() throws(SyntaxError) -> String {
        switch current {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            offset += 1
            return "Z"
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let start = offset + 1
            try checkPattern("dd:dd", at: start, what: "time offset", layout: "+HH:MM or -HH:MM")
            try checkRange(at: start, upTo: 23, "offset hour")
            try checkRange(at: start + 3, upTo: 59, "offset minute")
            offset = start + 5
            let isZero = number(at: start, digits: 2) == 0 && number(at: start + 3, digits: 2) == 0
            return isZero ? "Z" : text((start - 1)..<offset)
        default:
            return ""
        }
    }

    /// Checks that `pattern` (`d` for a digit, any other byte for itself) is written at `start`; `what`
    /// and `layout` name the field in the error ("invalid date: expected YYYY-MM-DD, found 'x'").
    private mutating func checkPattern(
        _ pattern: StaticString,
        at start: Int,
        what: String,
        layout: String
    ) throws(SyntaxError) {
        let count = pattern.utf8CodeUnitCount
        for index in 0..<count {
            let wanted = pattern.utf8Start[index]
            let byte = self.byte(at: start + index)
            let matches = wanted == UInt8(ascii: "d") ? byte.map(TOMLReader.isDigit) == true : byte == wanted
            guard matches else {
                throw error(at: start + index, "invalid \(what): expected \(layout), found \(describe(at: start + index))")
            }
        }
    }

    /// Checks that the two digits at `start` are at most `maximum`; the error stands just after them.
    private mutating func checkRange(at start: Int, upTo maximum: Int, _ field: String) throws(SyntaxError) {
        let value = number(at: start, digits: 2)
        guard value <= maximum else {
            throw error(at: start + 2, "expected \(field) between 0 and \(maximum) (inclusive), found \(value)")
        }
    }

    /// The decimal number written by the `digits` digits at `start`, known to be digits.
    private func number(at start: Int, digits: Int) -> Int {
        var value = 0
        for index in start..<(start + digits) { value = value * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
        return value
    }

    /// The number of days in `month` (1 to 12) of `year`, February having 29 in leap years.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
