import VitrinaIndex

/// The `--json` shape of `vitrina search` (version 1; documented in README).
struct SearchReport: Encodable {
    struct Hit: Encodable {
        var id: String
        var score: Double
        var title: String?
        var vendor: String?
        var price: Double?
        var currency: String?
        var available: Bool?
        var url: String?
        var highlights: [String: String]?
    }

    struct Bucket: Encodable {
        var from: Double
        var to: Double
        var count: Int
    }

    /// A facet: `values` for keyword fields, `min`/`max`/`buckets` for numeric ones.
    struct Facet: Encodable {
        var values: [SearchResult.FacetValue]?
        var min: Double?
        var max: Double?
        var buckets: [Bucket]?
    }

    var version = 1
    var total: Int
    var tookUs: Int
    var hits: [Hit]
    var facets: [String: Facet]

    enum CodingKeys: String, CodingKey {
        case version, total, tookUs = "took_us", hits, facets
    }

    init(result: SearchResult, tookMicroseconds: Int) {
        total = result.total
        tookUs = tookMicroseconds
        hits = Self.hits(result.hits)
        var facets: [String: Facet] = [:]
        for (name, values) in result.keywordFacets { facets[name] = Facet(values: values) }
        for (name, facet) in result.numericFacets {
            facets[name] = Facet(
                min: facet.min, max: facet.max,
                buckets: facet.buckets.map { Bucket(from: $0.from, to: $0.to, count: $0.count) })
        }
        self.facets = facets
    }

    /// Hits in the `--json` shape shared by `search` and `ask`.
    static func hits(_ hits: [SearchResult.Hit]) -> [Hit] {
        hits.map {
            Hit(
                id: $0.id, score: ($0.score * 10_000).rounded() / 10_000, title: $0.product.title,
                vendor: $0.product.vendor, price: $0.product.price, currency: $0.product.currency,
                available: $0.product.available, url: $0.product.url,
                highlights: $0.highlights.isEmpty ? nil : $0.highlights)
        }
    }

    func text() -> String {
        var lines = ["\(total) found in \(tookUs) µs"]
        for (rank, hit) in hits.enumerated() {
            let price = hit.price.map { " — \(formatNumber($0)) \(hit.currency ?? "")" } ?? ""
            lines.append(
                "\(rank + 1). [\(hit.id)] \(hit.highlights?["title"] ?? hit.title ?? "")\(price)  (score \(hit.score))")
            if let snippet = hit.highlights?["description"] { lines.append("   \(snippet)") }
        }
        for name in facets.keys.sorted() {
            guard let facet = facets[name] else { continue }
            if let values = facet.values {
                lines.append(
                    "\(name): " + values.prefix(10).map { "\($0.value) (\($0.count))" }.joined(separator: ", "))
            } else if let buckets = facet.buckets {
                lines.append(
                    "\(name): "
                        + buckets.map { "\(formatNumber($0.from))–\(formatNumber($0.to)) (\($0.count))" }
                        .joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n")
    }

    private func formatNumber(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
