extension SourceMap {
    /// An empty map with room for the entries a document of `bytes` may need, so that a large file does not
    /// rehash both tables again and again as they grow.
    ///
    /// Every value is introduced by one of `: = , [` in either syntax, so their count bounds the entries.
    static func sized(for bytes: [UInt8]) -> SourceMap {
        var introducers = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: ","), UInt8(ascii: "["): introducers += 1
            default: continue
            }
        }
        var map = SourceMap()
        map.keys.reserveCapacity(introducers)
        map.values.reserveCapacity(introducers)
        return map
    }
}
