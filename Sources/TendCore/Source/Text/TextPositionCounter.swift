/// Turns byte offsets into line and column positions (columns counted in Unicode scalars).
///
/// Parsers ask for positions in increasing order as they scan, so the counter walks forward from the last
/// offset it was asked about instead of from the start of the line: a 10 MB file written on one line still
/// costs one pass. An earlier offset restarts the walk from the top of the file.
struct TextPositionCounter {
    private let bytes: [UInt8]
    private let firstOffset: Int
    private var offset: Int
    private var line = 1
    private var column = 1

    /// A counter over `bytes`; a UTF-8 byte order mark at the start takes no column, as in editors.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.firstOffset = UTF8Text.byteOrderMarkLength(of: bytes)
        self.offset = firstOffset
    }

    /// The line and column of the byte at `target` (or of the end of the file, for `bytes.count`).
    mutating func position(at target: Int) -> SourcePosition {
        if target < offset {
            offset = firstOffset
            line = 1
            column = 1
        }
        let end = min(target, bytes.count)
        while offset < end {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return SourcePosition(line: line, column: column)
    }

    /// The byte offset of the character at `target`, or nil when the text has no such line or column.
    mutating func offset(of target: SourcePosition) -> Int? {
        offset = firstOffset
        line = 1
        column = 1
        while !(line == target.line && column == target.column) {
            guard offset < bytes.count, line <= target.line else { return nil }
            var next = offset + 1
            while next < bytes.count && bytes[next] & 0xC0 == 0x80 { next += 1 }
            _ = position(at: next)
        }
        return offset
    }
}
