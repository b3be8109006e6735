/// The product fields a CSV column can fill.
public enum CSVField: String, Sendable, CaseIterable, Equatable {
    /// The product id.
    case id
    /// The title.
    case title
    /// The model (a title is built from vendor + model when there is no title column).
    case model
    /// The brand.
    case vendor
    /// The shop's article.
    case vendorCode
    /// EAN/GTIN.
    case barcode
    /// The category path (`A > B` or `A/B`).
    case category
    /// The description (HTML reduced to text).
    case description
    /// The price (may carry its currency: `1990.00 RUB`).
    case price
    /// The price before a discount.
    case oldPrice
    /// A sale price: becomes the price, and the price becomes the old price.
    case salePrice
    /// The currency code or word.
    case currency
    /// Availability (`in stock`, `да`, `1`, `есть`, …).
    case available
    /// The product page.
    case url
    /// A picture URL (several columns may map here).
    case picture
    /// Average rating.
    case rating
    /// Number of reviews.
    case reviewCount
}
