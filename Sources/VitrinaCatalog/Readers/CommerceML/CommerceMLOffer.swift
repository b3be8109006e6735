/// One `Предложение` of a CommerceML offers package, kept until its product is read.
struct CommerceMLOffer {
    /// The offer's `Ид` (a product's, or `product#variant`).
    var id: String
    var barcode: String?
    var price: Double?
    var currency: String?
    var quantity: Double?
    var line: Int
    /// Whether a product of import.xml took it.
    var matched = false

    /// The id of the product the offer belongs to (the part before `#`).
    var productID: String {
        id.split(separator: "#", maxSplits: 1).first.map(String.init) ?? id
    }
}
