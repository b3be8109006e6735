/// A product turned into what the index stores: terms with positions per text field, keyword
/// values, numbers and the stored product.
struct IndexedDocument {
    /// The product id.
    var id: String
    /// The product in ``StoredProductCodec``'s binary form.
    var stored: [UInt8]
    /// Per field number: the terms with their positions (text fields only).
    var terms: [Int: [(term: String, position: Int)]] = [:]
    /// Per field number: the number of positions (text fields only).
    var lengths: [Int: Int] = [:]
    /// Per field number: the values (keyword fields).
    var keywords: [Int: [String]] = [:]
    /// Per field number: the value (numeric fields).
    var numbers: [Int: Double] = [:]
}
