/// A review or a social post about a product, attached to it at import.
public struct SocialItem: Sendable, Equatable {
    /// Whether this is a review (with a rating, usually) or a post.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// A customer review.
        case review
        /// A post (VK, Telegram, a marketplace story) mentioning the product.
        case post
    }

    /// How the item names its product; the importer tries each key that is present.
    public struct ProductReference: Sendable, Equatable {
        /// The product's id in the catalog.
        public var id: String?
        /// The shop's article (vendor code).
        public var sku: String?
        /// The barcode (EAN/GTIN).
        public var barcode: String?
        /// The product page URL.
        public var url: String?
        /// The product's title as the review site shows it (matched exactly, case-insensitively).
        public var title: String?

        /// Creates a reference.
        public init(
            id: String? = nil, sku: String? = nil, barcode: String? = nil, url: String? = nil, title: String? = nil
        ) {
            self.id = id
            self.sku = sku
            self.barcode = barcode
            self.url = url
            self.title = title
        }

        /// Whether no key is present.
        public var isEmpty: Bool { id == nil && sku == nil && barcode == nil && url == nil && title == nil }
    }

    /// Review or post.
    public var kind: Kind
    /// The product it is about.
    public var product: ProductReference
    /// The text.
    public var text: String
    /// The rating, 1–5, when given.
    public var rating: Double?
    /// The author's name, when given.
    public var author: String?
    /// When it was written, as Unix seconds.
    public var date: Double?
    /// Likes.
    public var likes: Int?
    /// Reposts (shares).
    public var reposts: Int?

    /// Creates an item.
    public init(
        kind: Kind, product: ProductReference, text: String, rating: Double? = nil, author: String? = nil,
        date: Double? = nil, likes: Int? = nil, reposts: Int? = nil
    ) {
        self.kind = kind
        self.product = product
        self.text = text
        self.rating = rating
        self.author = author
        self.date = date
        self.likes = likes
        self.reposts = reposts
    }
}
