extension SyntaxError {
    /// The error both parsers give for bytes that are not UTF-8 text (a binary file, a Latin-1 file),
    /// checked before anything else so that every later step may assume valid text.
    static func checkingUTF8(_ bytes: [UInt8]) -> SyntaxError? {
        guard let offset = UTF8Text.firstInvalidByteOffset(in: bytes) else { return nil }
        var counter = TextPositionCounter(bytes: bytes)
        return SyntaxError(
            position: counter.position(at: offset),
            message: "invalid UTF-8 byte \(CharacterWording.hexByte(bytes[offset]))"
        )
    }
}
