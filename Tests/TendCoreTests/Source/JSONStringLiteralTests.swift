import Testing
import TendCore

@Suite struct JSONStringLiteralTests {
    @Test func escapesWhatJSONRequiresAsFoundationDoes() {
        #expect(JSONStringLiteral.quoted("a\"b\\c/d") == #""a\"b\\c/d""#)
        #expect(JSONStringLiteral.quoted("\u{08}\t\n\u{0C}\r") == #""\b\t\n\f\r""#)
        #expect(JSONStringLiteral.quoted("\u{00}\u{0B}\u{1F}") == #""\u0000\u000b\u001f""#)
        #expect(JSONStringLiteral.quoted("\u{7F}é😀\u{2028}") == "\"\u{7F}é😀\u{2028}\"")
    }

    @Test func everyControlCharacterReadsBack() throws {
        let text = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init))) + "\"\\/"
        let document = try JSONDocumentParser.parse(Array("{\"k\": \(JSONStringLiteral.quoted(text))}".utf8))
        #expect(document.root["k"] == .string(text))
    }
}
