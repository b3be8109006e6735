/// A product (an offer) of a catalog, in Vitrina's canonical form.
///
/// This is the shape of one line of the canonical JSONL import format (documented in README);
/// the catalog importers produce it from YML, CommerceML and CSV. Only `id` is required.
///
/// ```swift
/// let product = Product(id: "tv-1", title: "Телевизор Samsung 55\"", price: 42_990, currency: "RUB")
/// ```
public struct Product: Codable, Sendable, Equatable {
    /// A parameter (characteristic) of a product: `Цвет: чёрный`, `Объём: 1.7 л`.
    public struct Parameter: Codable, Sendable, Equatable {
        /// The parameter's name.
        public var name: String
        /// Its value.
        public var value: String
        /// Its unit, if any.
        public var unit: String?

        /// Creates a parameter.
        public init(name: String, value: String, unit: String? = nil) {
            self.name = name
            self.value = value
            self.unit = unit
        }
    }

    /// The unique id of the product in its catalog.
    public var id: String
    /// The title (name) shoppers see.
    public var title: String?
    /// The brand.
    public var vendor: String?
    /// The model name.
    public var model: String?
    /// The shop's article number (SKU).
    public var vendorCode: String?
    /// The barcode (EAN/GTIN).
    public var barcode: String?
    /// The category path from the root: `["Электроника", "Телевизоры"]`.
    public var categoryPath: [String]
    /// The description (plain text).
    public var description: String?
    /// Parameters.
    public var parameters: [Parameter]
    /// The current price.
    public var price: Double?
    /// The price before a discount.
    public var oldPrice: Double?
    /// ISO 4217 currency code: `RUB`, `BYN`.
    public var currency: String?
    /// Whether the product can be bought now.
    public var available: Bool?
    /// The product page.
    public var url: String?
    /// Picture URLs.
    public var pictures: [String]
    /// When the product was added, as Unix seconds.
    public var addedAt: Double?
    /// When the product was last updated, as Unix seconds.
    public var updatedAt: Double?
    /// Average rating, 0–5.
    public var rating: Double?
    /// Number of reviews.
    public var reviewCount: Int?
    /// Texts of reviews and social posts about the product (attached by the importer; searched
    /// as a low-weight field).
    public var reviews: [String]
    /// The language of the texts; detected when absent.
    public var language: Language?

    /// Creates a product.
    public init(
        id: String, title: String? = nil, vendor: String? = nil, model: String? = nil, vendorCode: String? = nil,
        barcode: String? = nil, categoryPath: [String] = [], description: String? = nil,
        parameters: [Parameter] = [], price: Double? = nil, oldPrice: Double? = nil, currency: String? = nil,
        available: Bool? = nil, url: String? = nil, pictures: [String] = [], addedAt: Double? = nil,
        updatedAt: Double? = nil, rating: Double? = nil, reviewCount: Int? = nil, reviews: [String] = [],
        language: Language? = nil
    ) {
        self.id = id
        self.title = title
        self.vendor = vendor
        self.model = model
        self.vendorCode = vendorCode
        self.barcode = barcode
        self.categoryPath = categoryPath
        self.description = description
        self.parameters = parameters
        self.price = price
        self.oldPrice = oldPrice
        self.currency = currency
        self.available = available
        self.url = url
        self.pictures = pictures
        self.addedAt = addedAt
        self.updatedAt = updatedAt
        self.rating = rating
        self.reviewCount = reviewCount
        self.reviews = reviews
        self.language = language
    }

    enum CodingKeys: String, CodingKey {
        case id, title, vendor, model, vendorCode, barcode, category, categoryPath, description, parameters, price
        case oldPrice, currency, available, url, pictures, addedAt, updatedAt, rating, reviewCount, reviews, language
    }

    /// Decodes the canonical JSON form.
    ///
    /// `category` may be a path string (`"A > B"` or `"A/B"`) or an array; `categoryPath` is
    /// accepted as an array too.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        vendor = try container.decodeIfPresent(String.self, forKey: .vendor)
        model = try container.decodeIfPresent(String.self, forKey: .model)
        vendorCode = try container.decodeIfPresent(String.self, forKey: .vendorCode)
        barcode = try container.decodeIfPresent(String.self, forKey: .barcode)
        if container.contains(.categoryPath) {
            categoryPath = try container.decodeIfPresent([String].self, forKey: .categoryPath) ?? []
        } else if let path = try? container.decodeIfPresent(String.self, forKey: .category) {
            categoryPath = Self.splitCategoryPath(path)
        } else {
            // Not a string: it must be an array (a wrong type is a decoding error naming the field).
            categoryPath = try container.decodeIfPresent([String].self, forKey: .category) ?? []
        }
        description = try container.decodeIfPresent(String.self, forKey: .description)
        parameters = try container.decodeIfPresent([Parameter].self, forKey: .parameters) ?? []
        price = try container.decodeIfPresent(Double.self, forKey: .price)
        oldPrice = try container.decodeIfPresent(Double.self, forKey: .oldPrice)
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        available = try container.decodeIfPresent(Bool.self, forKey: .available)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        pictures = try container.decodeIfPresent([String].self, forKey: .pictures) ?? []
        addedAt = try container.decodeIfPresent(Double.self, forKey: .addedAt)
        updatedAt = try container.decodeIfPresent(Double.self, forKey: .updatedAt)
        rating = try container.decodeIfPresent(Double.self, forKey: .rating)
        reviewCount = try container.decodeIfPresent(Int.self, forKey: .reviewCount)
        reviews = try container.decodeIfPresent([String].self, forKey: .reviews) ?? []
        language = try container.decodeIfPresent(Language.self, forKey: .language)
    }

    /// Encodes the canonical JSON form (`categoryPath` as an array; absent values omitted).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(vendor, forKey: .vendor)
        try container.encodeIfPresent(model, forKey: .model)
        try container.encodeIfPresent(vendorCode, forKey: .vendorCode)
        try container.encodeIfPresent(barcode, forKey: .barcode)
        if !categoryPath.isEmpty { try container.encode(categoryPath, forKey: .categoryPath) }
        try container.encodeIfPresent(description, forKey: .description)
        if !parameters.isEmpty { try container.encode(parameters, forKey: .parameters) }
        try container.encodeIfPresent(price, forKey: .price)
        try container.encodeIfPresent(oldPrice, forKey: .oldPrice)
        try container.encodeIfPresent(currency, forKey: .currency)
        try container.encodeIfPresent(available, forKey: .available)
        try container.encodeIfPresent(url, forKey: .url)
        if !pictures.isEmpty { try container.encode(pictures, forKey: .pictures) }
        try container.encodeIfPresent(addedAt, forKey: .addedAt)
        try container.encodeIfPresent(updatedAt, forKey: .updatedAt)
        try container.encodeIfPresent(rating, forKey: .rating)
        try container.encodeIfPresent(reviewCount, forKey: .reviewCount)
        if !reviews.isEmpty { try container.encode(reviews, forKey: .reviews) }
        try container.encodeIfPresent(language, forKey: .language)
    }

    /// Splits `Электроника > Телевизоры` or `Электроника/Телевизоры` into levels.
    package static func splitCategoryPath(_ path: String) -> [String] {
        let separator: Character = path.contains(">") ? ">" : "/"
        return path.split(separator: separator).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }
}

extension Substring {
    /// The text without leading and trailing spaces (a Foundation-free trim).
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
