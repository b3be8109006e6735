/// The answer to a ``SearchRequest``.
public struct SearchResult: Sendable, Codable, Equatable {
    /// One hit.
    public struct Hit: Sendable, Codable, Equatable {
        /// The product id.
        public var id: String
        /// The relevance score (0 when the query had no words).
        public var score: Double
        /// The stored product: whole, or the fields a result list shows when the request set
        /// ``SearchRequest/wholeProducts`` to false (and asked for no highlights).
        public var product: Product
        /// Highlighted snippets by field (`title`, `description`), when requested.
        public var highlights: [String: String] = [:]

        /// Creates a hit.
        public init(id: String, score: Double, product: Product, highlights: [String: String] = [:]) {
            self.id = id
            self.score = score
            self.product = product
            self.highlights = highlights
        }
    }

    /// A keyword facet value and its count.
    public struct FacetValue: Sendable, Equatable, Codable {
        /// The value as written in the catalog.
        public var value: String
        /// Matching documents with it.
        public var count: Int

        /// Creates a facet value.
        public init(value: String, count: Int) {
            self.value = value
            self.count = count
        }
    }

    /// A numeric facet: the range of values and counts per bucket.
    public struct NumericFacet: Sendable, Equatable, Codable {
        /// The smallest value among matches.
        public var min: Double
        /// The largest value among matches.
        public var max: Double
        /// Counts per bucket `[from, to)`.
        public var buckets: [(from: Double, to: Double, count: Int)]

        /// Creates a numeric facet.
        public init(min: Double, max: Double, buckets: [(from: Double, to: Double, count: Int)]) {
            self.min = min
            self.max = max
            self.buckets = buckets
        }

        /// A bucket as JSON has it: `{"from", "to", "count"}`.
        private struct Bucket: Codable {
            var from: Double
            var to: Double
            var count: Int
        }

        private enum CodingKeys: String, CodingKey {
            case min, max, buckets
        }

        /// Decodes `{"min", "max", "buckets": [{"from", "to", "count"}]}`.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            min = try container.decode(Double.self, forKey: .min)
            max = try container.decode(Double.self, forKey: .max)
            buckets = try container.decode([Bucket].self, forKey: .buckets).map { ($0.from, $0.to, $0.count) }
        }

        /// Encodes `{"min", "max", "buckets": [{"from", "to", "count"}]}`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(min, forKey: .min)
            try container.encode(max, forKey: .max)
            try container.encode(buckets.map { Bucket(from: $0.from, to: $0.to, count: $0.count) }, forKey: .buckets)
        }

        public static func == (lhs: NumericFacet, rhs: NumericFacet) -> Bool {
            lhs.min == rhs.min && lhs.max == rhs.max && lhs.buckets.count == rhs.buckets.count
                && zip(lhs.buckets, rhs.buckets).allSatisfy {
                    $0.from == $1.from && $0.to == $1.to && $0.count == $1.count
                }
        }
    }

    /// All matching documents (after filters).
    public var total: Int
    /// The requested page of hits.
    public var hits: [Hit]
    /// Keyword facets, most frequent value first.
    public var keywordFacets: [String: [FacetValue]]
    /// Numeric facets.
    public var numericFacets: [String: NumericFacet]

    /// Creates a result.
    public init(
        total: Int = 0, hits: [Hit] = [], keywordFacets: [String: [FacetValue]] = [:],
        numericFacets: [String: NumericFacet] = [:]
    ) {
        self.total = total
        self.hits = hits
        self.keywordFacets = keywordFacets
        self.numericFacets = numericFacets
    }
}
