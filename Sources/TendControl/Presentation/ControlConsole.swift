/// Where a control command writes: standard output and error, and whether colour is wanted there.
/// The CLI passes the real streams; tests pass buffers.
public struct ControlConsole: Sendable {
    /// Whether standard output is a terminal that wants colour (a TTY, `NO_COLOR` unset).
    public var color: Bool
    /// Writes bytes to standard output as they are, unbuffered.
    public var writeBytes: @Sendable ([UInt8]) -> Void
    /// Writes text to standard error.
    public var writeError: @Sendable (String) -> Void

    public init(color: Bool, writeBytes: @escaping @Sendable ([UInt8]) -> Void, writeError: @escaping @Sendable (String) -> Void) {
        self.color = color
        self.writeBytes = writeBytes
        self.writeError = writeError
    }

    /// Writes text to standard output.
    public func write(_ text: String) {
        writeBytes(Array(text.utf8))
    }
}

/// ANSI colours for the terminal, applied only when the console wants them.
enum TerminalStyle: String {
    case green = "32"
    case yellow = "33"
    case red = "31"
    case boldRed = "1;31"
    case bold = "1"
    case dim = "2"

    /// `text` in this style, or `text` unchanged without colour.
    func apply(_ text: String, color: Bool) -> String {
        color ? "\u{1B}[\(rawValue)m\(text)\u{1B}[0m" : text
    }
}
