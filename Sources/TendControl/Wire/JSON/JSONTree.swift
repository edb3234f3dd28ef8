/// A JSON value as the wire encoder builds it, before it is written out.
///
/// Numbers are kept as their final text, so that every integer width (all of `UInt64` included) and both
/// floating-point types are written exactly as the value gave them.
enum JSONTree: Hashable {
    case null
    case bool(Bool)
    /// A number's JSON text, such as `42`, `-0.5` or `1e+16`.
    case number(String)
    case string(String)
    case array([JSONTree])
    /// An object's members under their wire names; the writer sorts them.
    case object([String: JSONTree])
}
