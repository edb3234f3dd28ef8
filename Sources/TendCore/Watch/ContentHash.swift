/// A 64-bit FNV-1a hash of a file's bytes: enough to tell whether a configuration file changed between two
/// scans without keeping its content. Not cryptographic; a snapshot pairs it with the size.
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    /// The hash value.
    public let value: UInt64

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of `bytes`.
    public init(of bytes: some Sequence<UInt8>) {
        var hash = Self.offsetBasis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= Self.prime
        }
        value = hash
    }

    /// Sixteen hex digits, as logs and tests print it.
    public var description: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
