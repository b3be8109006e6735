import VitrinaIndex
import VitrinaSearch

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
    case result(SearchReport)
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
