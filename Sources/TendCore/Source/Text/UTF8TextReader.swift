/// What both parsers' readers are: a cursor over a file's raw bytes, known to be valid UTF-8, that works on
/// bytes and turns offsets into line and column positions and characters into words only for messages.
protocol UTF8TextReader {
    /// The whole file.
    var bytes: [UInt8] { get }
    /// The offset of the next byte to read.
    var offset: Int { get set }
    /// Counts lines and columns forward as positions are asked for in file order.
    var counter: TextPositionCounter { get set }

    init(bytes: [UInt8], offset: Int, counter: TextPositionCounter)
}

extension UTF8TextReader {
    /// A reader at the start of `bytes`, past a byte order mark if there is one.
    init(bytes: [UInt8]) {
        self.init(bytes: bytes, offset: UTF8Text.byteOrderMarkLength(of: bytes), counter: TextPositionCounter(bytes: bytes))
    }

    /// The byte at the cursor, or nil at the end of the file.
    var current: UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    /// The byte at `index`, or nil past the end of the file.
    func byte(at index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    /// The line and column of the byte at `offset`; asked in file order, the count never starts over.
    mutating func position(at offset: Int) -> SourcePosition {
        counter.position(at: offset)
    }

    /// The character at `offset` as a message names it (`'x'`, "the end of the line", "the end of the file").
    func describe(at offset: Int) -> String {
        CharacterWording.describe(in: bytes, at: offset)
    }

    /// Whether `byte` is an ASCII digit.
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
