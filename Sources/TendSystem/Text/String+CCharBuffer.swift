extension String {
    /// The text a C call left in `buffer` (gethostname, mkdtemp): its bytes up to the first NUL, as UTF-8.
    /// What `String(cString:)` did on an array before it was deprecated.
    public init(nulTerminated buffer: [CChar]) {
        self.init(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
