/// The answer to a ``SearchRequest``.
public struct SearchResult: Sendable {
    /// One hit.
    public struct Hit: Sendable {
        /// The product id.
        public var id: String
        /// The relevance score (0 when the query had no words).
        public var score: Double
        /// The stored product: whole, or the fields a result list shows when the request set
        /// ``SearchRequest/wholeProducts`` to false (and asked for no highlights).
        public var product: Product
        /// Highlighted snippets by field (`title`, `description`), when requested.
        public var highlights: [String: String] = [:]
    }

    /// A keyword facet value and its count.
    public struct FacetValue: Sendable, Equatable, Codable {
        /// The value as written in the catalog.
        public var value: String
        /// Matching documents with it.
        public var count: Int
    }

    /// A numeric facet: the range of values and counts per bucket.
    public struct NumericFacet: Sendable, Equatable {
        /// The smallest value among matches.
        public var min: Double
        /// The largest value among matches.
        public var max: Double
        /// Counts per bucket `[from, to)`.
        public var buckets: [(from: Double, to: Double, count: Int)]

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
}
