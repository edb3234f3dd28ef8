/// The head of an HTTP/1.1 message (start line and header fields), found in and read from raw bytes;
/// what the request parser and the response parser share.
struct HTTPHead {
    /// The first line: `GET /v1/status HTTP/1.1` or `HTTP/1.1 200 OK`.
    var startLine: String
    /// The header fields.
    var fields: HTTPFields

    /// Why a head cannot be read.
    struct Malformed: Error {
        let reason: String
    }

    /// Where the head that starts at `start` ends (just past its empty line), scanning from `scanned`
    /// (an earlier call's `scannedUpTo`, to scan each byte once); nil while the empty line has not arrived.
    static func end(in bytes: [UInt8], from start: Int, scanned: inout Int) -> Int? {
        var index = max(scanned, start)
        while index < bytes.count {
            if bytes[index] == lineFeed {
                if index + 1 < bytes.count, bytes[index + 1] == lineFeed { return index + 2 }
                if index + 2 < bytes.count, bytes[index + 1] == carriageReturn, bytes[index + 2] == lineFeed { return index + 3 }
                if index + 2 >= bytes.count {
                    scanned = index
                    return nil
                }
            }
            index += 1
        }
        scanned = index
        return nil
    }

    /// Reads a head from its bytes (up to and including the empty line). Lines end in CRLF or a bare LF.
    init(_ bytes: ArraySlice<UInt8>) throws(Malformed) {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = bytes.startIndex
        for index in bytes.indices where bytes[index] == Self.lineFeed {
            var line = bytes[lineStart..<index]
            if line.last == Self.carriageReturn { line = line.dropLast() }
            lines.append(line)
            lineStart = index + 1
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first, !first.isEmpty else { throw Malformed(reason: "the message has no start line") }
        startLine = try Self.text(first)
        var fields = HTTPFields()
        for line in lines.dropFirst() {
            guard let first = line.first, first != Self.space, first != Self.tab else {
                throw Malformed(reason: "a header line starts with white space (obsolete line folding)")
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                throw Malformed(reason: "a header line has no colon")
            }
            let name = line[..<colon]
            guard !name.isEmpty, name.allSatisfy(Self.isTokenByte) else {
                throw Malformed(reason: "a header name is empty or holds characters a name cannot")
            }
            let value = try Self.text(line[line.index(after: colon)...])
            fields.add(String(decoding: name, as: UTF8.self), String(Substring(value).trimmingSpaces()))
        }
        self.fields = fields
    }

    /// Bytes as text, refusing control characters other than tab.
    private static func text(_ bytes: ArraySlice<UInt8>) throws(Malformed) -> String {
        guard !bytes.contains(where: { ($0 < 0x20 && $0 != tab) || $0 == 0x7F }) else {
            throw Malformed(reason: "the head holds a control character")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `byte` may appear in a token (a method or a field name), as RFC 9110 defines it.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
}
