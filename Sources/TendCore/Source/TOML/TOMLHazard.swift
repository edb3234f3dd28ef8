/// Text that toml++ 3.4 meets with a failed assertion (a crash in debug builds, undefined behaviour in
/// release builds) instead of a parse error, found by the key locator so the parser can reject it first.
struct TOMLHazard: Equatable {
    /// Where the offending character is.
    let offset: Int
    /// The plain sentence to report there.
    let message: String
}
