import VitrinaIndex

/// The JSON shape of a keyword search (version 1; documented in README): what `vitrina search --json`
/// prints and what the server's `/search` answers.
package struct SearchReport: Codable, Sendable {
    /// A hit as result lists show it.
    package struct Hit: Codable, Sendable {
        package var id: String
        package var score: Double
        package var title: String?
        package var vendor: String?
        package var price: Double?
        package var currency: String?
        package var available: Bool?
        package var url: String?
        package var highlights: [String: String]?
    }

    /// A numeric facet's range bucket `[from, to)`.
    package struct Bucket: Codable, Sendable {
        package var from: Double
        package var to: Double
        package var count: Int
    }

    /// A facet: `values` for keyword fields, `min`/`max`/`buckets` for numeric ones.
    package struct Facet: Codable, Sendable {
        package var values: [SearchResult.FacetValue]?
        package var min: Double?
        package var max: Double?
        package var buckets: [Bucket]?
    }

    package var version = 1
    package var total: Int
    package var tookUs: Int
    package var hits: [Hit]
    package var facets: [String: Facet]

    enum CodingKeys: String, CodingKey {
        case version, total, tookUs = "took_us", hits, facets
    }

    /// The report of `result`, keyword facets cut to their `maxValuesPerFacet` most frequent values.
    package init(result: SearchResult, tookMicroseconds: Int, maxValuesPerFacet: Int = .max) {
        total = result.total
        tookUs = tookMicroseconds
        hits = Self.hits(result.hits)
        var facets: [String: Facet] = [:]
        for (name, values) in result.keywordFacets {
            facets[name] = Facet(values: Array(values.prefix(maxValuesPerFacet)))
        }
        for (name, facet) in result.numericFacets {
            facets[name] = Facet(
                min: facet.min, max: facet.max,
                buckets: facet.buckets.map { Bucket(from: $0.from, to: $0.to, count: $0.count) })
        }
        self.facets = facets
    }

    /// Hits in the shape shared by `search` and `ask`.
    package static func hits(_ hits: [SearchResult.Hit]) -> [Hit] {
        hits.map {
            Hit(
                id: $0.id, score: ($0.score * 10_000).rounded() / 10_000, title: $0.product.title,
                vendor: $0.product.vendor, price: $0.product.price, currency: $0.product.currency,
                available: $0.product.available, url: $0.product.url,
                highlights: $0.highlights.isEmpty ? nil : $0.highlights)
        }
    }
}
