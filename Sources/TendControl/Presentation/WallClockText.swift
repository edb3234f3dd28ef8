import Glibc

/// Wall-clock times as the CLI shows them, in the local time zone.
public enum WallClockText {
    /// `Nov 25 07:01 PM`, as supervisorctl shows when a process stopped.
    public static func short(_ seconds: Double) -> String {
        format(seconds, "%b %d %I:%M %p")
    }

    /// `2026-11-25 19:01:02`, for event lines.
    public static func full(_ seconds: Double) -> String {
        format(seconds, "%Y-%m-%d %H:%M:%S")
    }

    private static func format(_ seconds: Double, _ pattern: String) -> String {
        var time = time_t(seconds.rounded(.down))
        var parts = tm()
        guard localtime_r(&time, &parts) != nil else { return String(Int(seconds)) }
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, pattern, &parts)
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `0:01:02`, or `2 days, 3:04:05`, as supervisord writes an uptime.
    public static func uptime(_ seconds: Double) -> String {
        let total = max(0, Int(seconds))
        let days = total / 86_400, hours = total / 3600 % 24, minutes = total / 60 % 60, rest = total % 60
        let clock = "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes):" + (rest < 10 ? "0" : "") + "\(rest)"
        guard days > 0 else { return clock }
        return "\(days) day\(days == 1 ? "" : "s"), " + clock
    }
}
