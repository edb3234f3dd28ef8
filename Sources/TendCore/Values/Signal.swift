/// A POSIX signal, named as users write it (`TERM` or `SIGTERM`) and numbered as Linux numbers it.
///
/// TendCore does no I/O and imports no libc, so the numbers are Linux's (x86-64 and arm64 agree on them).
public struct Signal: Hashable, Sendable, CustomStringConvertible {
    /// The signal's number on Linux, as `kill(2)` takes it.
    public let number: Int32
    /// The canonical name without the `SIG` prefix, such as `TERM`.
    public let name: String

    /// Every signal a program may name, in number order.
    public static let all: [Signal] = [
        ("HUP", 1), ("INT", 2), ("QUIT", 3), ("ILL", 4), ("TRAP", 5), ("ABRT", 6), ("BUS", 7),
        ("FPE", 8), ("KILL", 9), ("USR1", 10), ("SEGV", 11), ("USR2", 12), ("PIPE", 13), ("ALRM", 14),
        ("TERM", 15), ("STKFLT", 16), ("CHLD", 17), ("CONT", 18), ("STOP", 19), ("TSTP", 20),
        ("TTIN", 21), ("TTOU", 22), ("URG", 23), ("XCPU", 24), ("XFSZ", 25), ("VTALRM", 26),
        ("PROF", 27), ("WINCH", 28), ("IO", 29), ("PWR", 30), ("SYS", 31),
    ].map { Signal(number: $0.1, name: $0.0) }

    private init(number: Int32, name: String) {
        self.number = number
        self.name = name
    }

    /// Looks a signal up by name, case-insensitively, with or without the `SIG` prefix (`term`, `SIGTERM`),
    /// or by its number written as a decimal string (`15`).
    public init?(named text: String) {
        var upper = text.uppercased()
        if upper.hasPrefix("SIG") { upper.removeFirst(3) }
        if let number = Int32(upper), let match = Signal.all.first(where: { $0.number == number }) {
            self = match
            return
        }
        guard let match = Signal.all.first(where: { $0.name == upper }) else { return nil }
        self = match
    }

    /// Looks a signal up by its Linux number.
    public init?(number: Int32) {
        guard let match = Signal.all.first(where: { $0.number == number }) else { return nil }
        self = match
    }

    public var description: String { "SIG" + name }

    public static let hangup = Signal(number: 1, name: "HUP")
    public static let interrupt = Signal(number: 2, name: "INT")
    public static let kill = Signal(number: 9, name: "KILL")
    public static let user1 = Signal(number: 10, name: "USR1")
    public static let user2 = Signal(number: 12, name: "USR2")
    public static let terminate = Signal(number: 15, name: "TERM")
}
