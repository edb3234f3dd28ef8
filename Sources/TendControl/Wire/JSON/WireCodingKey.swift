/// The coding keys the wire encoder and decoder make up themselves: an array element's index (`Index 3`, as
/// Foundation names it in coding paths), a `[String: Value]` dictionary's key, and `super`.
struct WireCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    /// The key `superEncoder()` and `superDecoder()` use.
    static let `super` = WireCodingKey(stringValue: "super")
}
