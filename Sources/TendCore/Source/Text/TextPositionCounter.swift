/// Turns byte offsets into line and column positions (columns counted in Unicode scalars).
///
/// Parsers ask for positions in increasing order as they scan, so the counter walks forward from the last
/// offset it was asked about instead of from the start of the line: a 10 MB file written on one line still
/// costs one pass. A step back within the current line recounts that line; a step back past it restarts
/// from the top of the file, so callers ask in file order.
struct TextPositionCounter {
    private let bytes: [UInt8]
    private let firstOffset: Int
    private var offset: Int
    private var line = 1
    private var column = 1
    /// The offset of the first byte of the current line.
    private var lineStart: Int

    /// A counter over `bytes`; a UTF-8 byte order mark at the start takes no column, as in editors.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.firstOffset = UTF8Text.byteOrderMarkLength(of: bytes)
        self.offset = firstOffset
        self.lineStart = firstOffset
    }

    /// The line and column of the byte at `target` (or of the end of the file, for `bytes.count`).
    mutating func position(at target: Int) -> SourcePosition {
        if target < offset {
            if target >= lineStart {
                offset = lineStart
                column = 1
            } else {
                offset = firstOffset
                lineStart = firstOffset
                line = 1
                column = 1
            }
        }
        let end = min(target, bytes.count)
        while offset < end {
            let byte = bytes[offset]
            offset += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
                lineStart = offset
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourcePosition(line: line, column: column)
    }

    /// The byte offset of the character at `target`, or nil when the text has no such line or column.
    mutating func offset(of target: SourcePosition) -> Int? {
        _ = position(at: firstOffset)
        while !(line == target.line && column == target.column) {
            guard offset < bytes.count, line <= target.line else { return nil }
            var next = offset + 1
            while next < bytes.count && bytes[next] & 0xC0 == 0x80 { next += 1 }
            _ = position(at: next)
        }
        return offset
    }
}
