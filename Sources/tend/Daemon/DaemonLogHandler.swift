import Glibc
import Logging
import TendCore

/// The daemon's own log: one line per event, as readable text or as one JSON object per line, written
/// unbuffered to stderr or to a file the daemon opened.
struct DaemonLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level
    let label: String
    let format: DaemonConfig.LogFormat
    let descriptor: Int32

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let line: String
        switch format {
        case .human:
            let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            line = "\(Self.timestamp()) \(event.level.rawValue.uppercased()) \(event.message)\(fields.isEmpty ? "" : " " + fields)\n"
        case .json:
            var object = "{\"time\":\(JSONStringLiteral.quoted(Self.timestamp())),\"level\":\(JSONStringLiteral.quoted(event.level.rawValue)),\"message\":\(JSONStringLiteral.quoted("\(event.message)"))"
            for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
                object += ",\(JSONStringLiteral.quoted(key)):\(JSONStringLiteral.quoted("\(value)"))"
            }
            line = object + "}\n"
        }
        FileHandleOutput(descriptor: descriptor).write(line)
    }

    /// The time as RFC 3339 in UTC with milliseconds.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var parts = tm()
        var seconds = now.tv_sec
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millis = Int(now.tv_nsec / 1_000_000)
        let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(fraction)Z"
    }
}

extension DaemonConfig.LogLevel {
    /// swift-log's level for supervisord's level names.
    var loggerLevel: Logger.Level {
        switch self {
        case .trace: return .trace
        case .debug: return .debug
        case .info: return .info
        case .warn: return .warning
        case .error: return .error
        case .critical: return .critical
        }
    }
}
