/// The fields of an index: names, kinds and BM25F weights.
///
/// The index stores its schema in every commit; ``products`` is the default product schema
/// (documented in README).
public struct Schema: Codable, Sendable, Equatable {
    /// One field.
    public struct Field: Codable, Sendable, Equatable {
        /// The name used in queries, filters and facets.
        public var name: String
        /// How it is indexed.
        public var kind: FieldKind

        /// Creates a field.
        public init(_ name: String, _ kind: FieldKind) {
            self.name = name
            self.kind = kind
        }
    }

    /// The fields, in a fixed order (a field's position is its number in segment files).
    public var fields: [Field]

    /// BM25 parameters.
    public var k1: Double
    /// BM25 length normalization.
    public var b: Double

    /// Creates a schema.
    public init(fields: [Field], k1: Double = 1.2, b: Double = 0.75) {
        self.fields = fields
        self.k1 = k1
        self.b = b
    }

    /// Names of the default product schema's fields, for code that needs one field by name.
    public enum FieldName {
        /// The title: the text field of the proximity bonus and of highlights.
        public static let title = "title"
        /// The description.
        public static let description = "description"
        /// The brand (keyword).
        public static let vendor = "vendor"
        /// The category path levels (keyword).
        public static let category = "category"
        /// The currency (keyword).
        public static let currency = "currency"
        /// The price (numeric).
        public static let price = "price"
    }

    /// The number of the field called `name`.
    public func fieldNumber(_ name: String) -> Int? { fields.firstIndex { $0.name == name } }

    /// Numbers of the text fields.
    var textFields: [Int] {
        fields.indices.filter { if case .text = fields[$0].kind { return true } else { return false } }
    }

    /// The default schema for ``VitrinaModel/Product``.
    ///
    /// | field | kind | from |
    /// |---|---|---|
    /// | `title` | text ×3 | title |
    /// | `brand` | text ×2, neutral | vendor, model |
    /// | `category_text` | text ×1 | category path |
    /// | `params_text` | text ×0.7 | parameter values |
    /// | `description` | text ×0.5, stop words | description |
    /// | `codes` | text ×1.5, neutral | vendor code, barcode |
    /// | `reviews` | text ×0.3, stop words | review and post texts |
    /// | `title_brand` | keyword | the first Latin word of a Cyrillic title, for products without a vendor |
    /// | `sounds` | text ×1, neutral | ``VitrinaText/SoundKey`` keys of Latin title, brand and model words and of the vendor |
    /// | `vendor`, `category`, `sku`, `barcode`, `param`, `currency`, `language`, `url` | keyword | … |
    /// | `price`, `old_price`, `discount`, `available`, `added_at`, `updated_at`, `rating`, `review_count` | numeric | … |
    public static let products = Schema(fields: [
        Field("title", .text(weight: 3)),
        Field("brand", .text(weight: 2, neutral: true)),
        Field("category_text", .text(weight: 1)),
        Field("params_text", .text(weight: 0.7)),
        Field("description", .text(weight: 0.5, stopWords: true)),
        Field("codes", .text(weight: 1.5, neutral: true)),
        Field("reviews", .text(weight: 0.3, stopWords: true)),
        Field("vendor", .keyword),
        Field("category", .keyword),
        Field("sku", .keyword),
        Field("barcode", .keyword),
        Field("param", .keyword),
        Field("currency", .keyword),
        Field("language", .keyword),
        Field("url", .keyword),
        Field("price", .numeric),
        Field("old_price", .numeric),
        Field("discount", .numeric),
        Field("available", .numeric),
        Field("added_at", .numeric),
        Field("updated_at", .numeric),
        Field("rating", .numeric),
        Field("review_count", .numeric),
        // Appended last: a field's position is its number in segment files.
        Field("sounds", .text(weight: 1, neutral: true)),
        Field("title_brand", .keyword),
    ])
}
