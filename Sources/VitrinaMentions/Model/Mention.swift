import VitrinaModel

/// One review, post or comment that talks about a shop, a brand or a product.
///
/// This is the shape of one line of the canonical mentions JSONL (README, "Mentions"); the
/// ``MentionReader`` also maps VK, Telegram and marketplace export columns onto it. Only `id` and
/// `text` are required; `date` is needed for trends.
///
/// ```swift
/// let mention = Mention(id: "vk-1", text: "Доставили быстро, спасибо!", source: "vk", date: 1_790_000_000)
/// ```
public struct Mention: Codable, Sendable, Equatable {
    /// What kind of text it is.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A customer review (usually with a rating).
        case review
        /// A post on a wall, channel or forum.
        case post
        /// A comment under a post or a video.
        case comment
    }

    /// How a mention names the product it is about; any key that is present may be used.
    public struct ProductReference: Codable, Sendable, Equatable {
        /// The product's id in the catalog.
        public var id: String?
        /// The shop's article (SKU).
        public var sku: String?
        /// The barcode (EAN/GTIN).
        public var barcode: String?
        /// The product page.
        public var url: String?
        /// The product's title as the mention names it.
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

        /// The key reports group by: the id, else SKU, barcode, URL or title.
        public var key: String? { id ?? sku ?? barcode ?? url ?? title }
    }

    /// The mention's unique id (re-importing the same id replaces the mention).
    public var id: String
    /// The text.
    public var text: String
    /// Review, post or comment.
    public var kind: Kind?
    /// Where it was found: `vk`, `telegram`, `youtube`, `forum`, `marketplace`, `maps`, `site`, or another name.
    public var source: String
    /// The mention's own address.
    public var url: String?
    /// The author's name or handle.
    public var author: String?
    /// How many followers (subscribers, friends) the author has.
    public var followers: Int?
    /// When it was written, as Unix seconds.
    public var date: Double?
    /// Likes.
    public var likes: Int?
    /// Reposts (shares).
    public var reposts: Int?
    /// Comments under it.
    public var comments: Int?
    /// The star rating, 1–5, when there is one.
    public var rating: Double?
    /// The product it is about.
    public var product: ProductReference?
    /// The brand (or shop) it is about.
    public var brand: String?
    /// The product category it is about.
    public var category: String?
    /// The language of the text; detected at import when absent.
    public var language: Language?
    /// The tonality computed at import.
    public var tonality: TonalityResult?

    /// Creates a mention.
    public init(
        id: String, text: String, kind: Kind? = nil, source: String = "other", url: String? = nil,
        author: String? = nil, followers: Int? = nil, date: Double? = nil, likes: Int? = nil, reposts: Int? = nil,
        comments: Int? = nil, rating: Double? = nil, product: ProductReference? = nil, brand: String? = nil,
        category: String? = nil, language: Language? = nil, tonality: TonalityResult? = nil
    ) {
        self.id = id
        self.text = text
        self.kind = kind
        self.source = source
        self.url = url
        self.author = author
        self.followers = followers
        self.date = date
        self.likes = likes
        self.reposts = reposts
        self.comments = comments
        self.rating = rating
        self.product = product
        self.brand = brand
        self.category = category
        self.language = language
        self.tonality = tonality
    }

    /// Likes + reposts + comments: how much the audience reacted.
    public var engagement: Int { (likes ?? 0) + (reposts ?? 0) + (comments ?? 0) }

    /// How many people it could reach: the author's followers plus its own engagement (reposts
    /// count ten times: each shows it to another audience).
    public var reach: Int { (followers ?? 0) + (likes ?? 0) + 10 * (reposts ?? 0) + (comments ?? 0) }
}
