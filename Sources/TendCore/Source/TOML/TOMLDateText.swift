import TOMLKit

/// Writes TOMLKit's dates and times back as RFC 3339 text, which is how `ConfigValue.datetime` keeps them.
enum TOMLDateText {
    /// `YYYY-MM-DD`.
    static func text(of date: TOMLDate) -> String {
        padded(date.year, 4) + "-" + padded(date.month, 2) + "-" + padded(date.day, 2)
    }

    /// `HH:MM:SS`, with a fraction (trailing zeros dropped) when there is one.
    static func text(of time: TOMLTime) -> String {
        var text = padded(time.hour, 2) + ":" + padded(time.minute, 2) + ":" + padded(time.second, 2)
        if time.nanoSecond > 0 {
            var fraction = padded(time.nanoSecond, 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text
    }

    /// `DATE` `T` `TIME`, then `Z`, `+HH:MM` or `-HH:MM` for an offset date-time (nothing for a local one).
    static func text(of dateTime: TOMLDateTime) -> String {
        var text = text(of: dateTime.date) + "T" + text(of: dateTime.time)
        if let offset = dateTime.offset?.offset {
            if offset == 0 {
                text += "Z"
            } else {
                let magnitude = abs(offset)
                text += (offset < 0 ? "-" : "+") + padded(magnitude / 60, 2) + ":" + padded(magnitude % 60, 2)
            }
        }
        return text
    }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
