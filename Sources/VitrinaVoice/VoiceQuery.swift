import VitrinaModel

/// A spoken query turned into structure: what the shopper wants, with which constraints.
///
/// Its JSON form is the output of `vitrina parse --json` (documented in README); absent
/// constraints are `null`, empty lists `[]`.
public struct VoiceQuery: Sendable, Equatable, Codable {
    /// What the shopper asks for.
    public enum Intent: String, Sendable, Codable, CaseIterable {
        /// Find products.
        case search
        /// Where a product can be bought.
        case whereToBuy = "where_to_buy"
        /// How much a product costs.
        case price
        /// Whether a product is in stock.
        case availability
        /// Which product to choose.
        case recommend
        /// How products differ.
        case compare
        /// What shoppers say about a product («что говорят о …», «отзывы о …», «што кажуць пра …»).
        case reviews
    }

    /// The order asked for.
    public enum Sort: String, Sendable, Codable, CaseIterable {
        /// Best match first.
        case relevance
        /// Cheapest first.
        case priceAscending = "price_asc"
        /// Most expensive first.
        case priceDescending = "price_desc"
        /// Newest first.
        case newest
        /// Best rated first.
        case rating
    }

    /// A price range in one currency.
    public struct PriceRange: Sendable, Equatable, Codable {
        /// The lowest price, inclusive.
        public var min: Double?
        /// The highest price, inclusive.
        public var max: Double?
        /// ISO 4217 code.
        public var currency: String?

        /// Creates a range.
        public init(min: Double? = nil, max: Double? = nil, currency: String? = nil) {
            self.min = min
            self.max = max
            self.currency = currency
        }

        /// Encodes every key, absent values as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(min, forKey: .min)
            try container.encode(max, forKey: .max)
            try container.encode(currency, forKey: .currency)
        }
    }

    /// Constraints found in the query.
    public struct Filters: Sendable, Equatable, Codable {
        /// The price range, when one was said.
        public var price: PriceRange?
        /// Brands, as the catalog writes them.
        public var vendor: [String] = []
        /// Colours, as Russian masculine nominative adjectives (`чёрный`).
        public var color: [String] = []
        /// `true` when the shopper wants products in stock.
        public var available: Bool?
        /// `true` when the shopper wants discounted products.
        public var discount: Bool?
        /// A clothing or shoe size (`46`, `xl`).
        public var size: String?
        /// Memory, storage or other quantities with units, normalized (`128 гб`, `55 дюймов`).
        public var units: [String] = []

        /// Creates empty filters.
        public init() {}

        /// Encodes every key, absent values as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(price, forKey: .price)
            try container.encode(vendor, forKey: .vendor)
            try container.encode(color, forKey: .color)
            try container.encode(available, forKey: .available)
            try container.encode(discount, forKey: .discount)
            try container.encode(size, forKey: .size)
            try container.encode(units, forKey: .units)
        }
    }

    /// A word of ``VoiceQuery/text`` with what the parser recognized in it.
    public struct Word: Sendable, Equatable, Codable {
        /// What a word is.
        public enum Role: String, Sendable, Codable, CaseIterable {
            /// A word about the product: its kind, a feature, a material (`чайник`, `зимние`).
            case product
            /// A brand name, in the shopper's spelling (`самсунг`); the catalog's is in the filters.
            case brand
            /// A model-line word, in the catalog's Latin spelling (`iphone`, `pro`).
            case model
            /// A colour word (`чёрный`, `чорны`).
            case color
            /// An article, model code or other word with digits, as said (`001234`, `rx570`).
            case code
            /// A number said in words, as digits (`15`).
            case number
            /// A quantity with its unit (`128 гб`).
            case unit
            /// A clothing or shoe size (`46`).
            case size
        }

        /// The word (or quantity) as searched.
        public var text: String
        /// What it is.
        public var role: Role

        /// Creates a word.
        public init(text: String, role: Role) {
            self.text = text
            self.role = role
        }
    }

    /// The query's language.
    public var language: Language
    /// The intent.
    public var intent: Intent
    /// Everything the shopper said about the product, space-separated: what search looks for.
    public var text: String
    /// The words of ``text`` with their roles.
    public var words: [Word]
    /// The constraints.
    public var filters: Filters
    /// The order.
    public var sort: Sort
    /// The query as heard, after keyboard-layout repair (for display and relaxation).
    public var normalized: String

    /// Creates a query.
    public init(
        language: Language, intent: Intent = .search, text: String = "", filters: Filters = Filters(),
        sort: Sort = .relevance, normalized: String = ""
    ) {
        self.language = language
        self.intent = intent
        self.text = text
        self.words = []
        self.filters = filters
        self.sort = sort
        self.normalized = normalized
    }
}
