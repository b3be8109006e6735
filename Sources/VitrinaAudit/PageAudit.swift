/// The audit of one page: its 0–100 score, the points per area and the findings.
public struct PageAudit: Sendable, Codable, Equatable {
    /// The page's path.
    public var path: String
    /// The score, 0–100, after caps.
    public var score: Int
    /// Points earned per area (`basics` of 15, `structured_data` of 25, `facts` of 20,
    /// `answers` of 15, `readability` of 10, `answerability` of 15).
    public var areas: [String: Double]
    /// The caps applied (`noindex`, `no-price`, `contradiction`).
    public var caps: [String]
    /// The language of the page's text.
    public var language: String
    /// Findings, errors first.
    public var findings: [Finding]
    /// For each simulated voice question, the passage that answers it (or nothing).
    public var answers: [String: String]
    /// The page's product as its markup (or, failing that, its h1 and visible price) states it.
    public var product: ProductFacts

    /// What the page says about its product, for cross-checking against a catalog.
    public struct ProductFacts: Sendable, Codable, Equatable {
        /// The product name.
        public var name: String?
        /// SKU, GTIN and URL, as given.
        public var sku: String?
        public var gtin: String?
        public var url: String?
        /// The price and its currency.
        public var price: Double?
        public var currency: String?
        /// `true` in stock, `false` out of stock, `nil` unknown.
        public var available: Bool?
    }
}
