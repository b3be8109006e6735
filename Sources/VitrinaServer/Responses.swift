import VitrinaIndex
import VitrinaSearch
import VitrinaVoice

/// `POST /search`'s answer: the shape of `vitrina search --json` (version 1).
struct SearchResponse: Codable, Sendable {
    /// A hit as result lists show it.
    struct Hit: Codable, Sendable {
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

    /// A numeric facet's range bucket `[from, to)`.
    struct Bucket: Codable, Sendable {
        var from: Double
        var to: Double
        var count: Int
    }

    /// A facet: `values` for keyword fields, `min`/`max`/`buckets` for numeric ones.
    struct Facet: Codable, Sendable {
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

    init(result: SearchResult, tookMicroseconds: Int, maxValuesPerFacet: Int) {
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
    static func hits(_ hits: [SearchResult.Hit]) -> [Hit] {
        hits.map {
            Hit(
                id: $0.id, score: ($0.score * 10_000).rounded() / 10_000, title: $0.product.title,
                vendor: $0.product.vendor, price: $0.product.price, currency: $0.product.currency,
                available: $0.product.available, url: $0.product.url,
                highlights: $0.highlights.isEmpty ? nil : $0.highlights)
        }
    }
}

/// `POST /ask`'s answer: the shape of `vitrina ask --json` (version 1).
struct AskResponse: Codable, Sendable {
    var version = 1
    var parsed: VoiceQuery
    var categories: [String]
    var relaxed: [String]
    var total: Int
    var hits: [SearchResponse.Hit]
    var answer: String
    var explanation: [Ranker.Contribution]?
    var tookUs: Int

    enum CodingKeys: String, CodingKey {
        case version, parsed, categories, relaxed, total, hits, answer, explanation, tookUs = "took_us"
    }

    init(_ result: VoiceSearch.Result, tookMicroseconds: Int) {
        parsed = result.parsed
        categories = result.categories
        relaxed = result.relaxed.map(\.description)
        total = result.total
        hits = SearchResponse.hits(result.hits)
        answer = result.answer
        explanation = result.explanation
        tookUs = tookMicroseconds
    }
}

/// `GET /suggest`'s answer.
struct SuggestResponse: Codable, Sendable {
    /// A completion of a vendor or category.
    struct Completion: Codable, Sendable {
        var value: String
        var kind: String
        var count: Int
        var inStock: Int
        var typo: Bool
    }

    /// A product whose words complete the query.
    struct Product: Codable, Sendable {
        var id: String
        var title: String?
        var vendor: String?
        var price: Double?
        var currency: String?
        var available: Bool?
    }

    var query: String
    var completions: [Completion]
    var products: [Product]
    var tookUs: Int

    enum CodingKeys: String, CodingKey {
        case query, completions, products, tookUs = "took_us"
    }
}

/// `GET /facets/{field}`'s answer: values of a keyword field matching `q`, most frequent first.
struct FacetSearchResponse: Codable, Sendable {
    var field: String
    var values: [SearchResult.FacetValue]
}

/// `GET /health`'s answer.
struct HealthResponse: Codable, Sendable {
    var status: String
    var generation: Int
}

/// `GET /stats`'s answer.
struct StatsResponse: Codable, Sendable {
    var generation: Int
    var documents: Int
    var deleted: Int
    var segments: Int
    var bytes: Int
    var voiceSearch: Bool
}

/// `POST /multi-search`'s answer: one result (or error) per query, in order.
struct MultiSearchResponse: Encodable, Sendable {
    var results: [MultiSearchItem]
}

/// One query's result inside `POST /multi-search`.
enum MultiSearchItem: Encodable, Sendable {
    case result(SearchResponse)
    case error(ErrorBody.Detail)

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .result(let response): try response.encode(to: encoder)
        case .error(let detail): try ErrorBody(error: detail).encode(to: encoder)
        }
    }
}

/// Every error's shape: `{"error":{"code":…,"message":…,"requestId":…}}`.
struct ErrorBody: Codable, Sendable {
    /// The error itself.
    struct Detail: Codable, Sendable {
        var code: String
        var message: String
        var requestId: String?
    }

    var error: Detail
}

/// `POST /products`' answer: a commit summary and one result per line.
struct WriteResponse: Codable, Sendable {
    /// One NDJSON line's outcome.
    struct Line: Codable, Sendable {
        var line: Int
        var id: String?
        var status: String
        var error: ErrorBody.Detail?
    }

    var generation: Int?
    var added: Int
    var updated: Int
    var deleted: Int
    var failed: Int
    var lines: [Line]
}
