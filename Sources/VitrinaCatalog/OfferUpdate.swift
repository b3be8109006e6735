/// A price/stock-only record (a YML "placement" feed, a CommerceML offers package without its
/// catalog): it changes these fields of a product already in the index and nothing else.
public struct OfferUpdate: Sendable, Equatable {
    /// The product's id.
    public var id: String
    /// The new price, when given.
    public var price: Double?
    /// The new price before discount, when given.
    public var oldPrice: Double?
    /// The price's currency (ISO 4217), when given.
    public var currency: String?
    /// Availability, when given.
    public var available: Bool?

    /// Creates an update.
    public init(
        id: String, price: Double? = nil, oldPrice: Double? = nil, currency: String? = nil, available: Bool? = nil
    ) {
        self.id = id
        self.price = price
        self.oldPrice = oldPrice
        self.currency = currency
        self.available = available
    }
}
