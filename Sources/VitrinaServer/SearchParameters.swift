import Foundation
import VitrinaIndex

/// A search as the API takes it, from a query string (`GET /search`) or a JSON body
/// (`POST /search`, each query of `POST /multi-search`).
struct SearchParameters: Sendable {
    var q = ""
    var filters: [SearchRequest.Filter] = []
    var sort: SearchRequest.Sort = .relevance
    var facets: [String] = []
    var limit = 10
    var offset = 0
    var highlight = false
    var any = false
    var maxValuesPerFacet = 100

    /// The largest `limit`: a page, not a dump.
    static let maximumLimit = 1_000
    /// The largest `offset`.
    static let maximumOffset = 100_000

    /// The keys a JSON body may have.
    static let jsonKeys: Set<String> = [
        "q", "filter", "filters", "sort", "facets", "limit", "offset", "highlight", "mode", "any", "maxValuesPerFacet",
    ]

    /// Reads query-string parameters: `q`, `filter` (repeatable), `sort`, `facets` (comma-separated,
    /// repeatable), `limit`, `offset`, `highlight`, `mode=any|all`, `maxValuesPerFacet`.
    init(query: [(String, String)]) throws {
        for (name, value) in query {
            switch name {
            case "q": q = value
            case "filter": filters.append(try RequestFilter.parse(value))
            case "sort": sort = FilterSyntax.parseSort(value)
            case "facets", "facet": facets += value.split(separator: ",").map(String.init)
            case "limit": limit = try Self.integer(value, name)
            case "offset": offset = try Self.integer(value, name)
            case "maxValuesPerFacet": maxValuesPerFacet = try Self.integer(value, name)
            case "highlight": highlight = try Self.flag(value, name)
            case "any": any = try Self.flag(value, name)
            case "mode": any = try Self.mode(value)
            case "key", "x-vitrina-key": break  // keys may come in the query string (see APIKeys)
            default: throw APIError.badRequest("unknown parameter \(name)")
            }
        }
        try check()
    }

    /// Reads a JSON object (see ``jsonKeys``); `filter` is a string, an array of strings (the
    /// `--filter` syntax) or an object `{"vendor":"Samsung","category":["a","b"],"price":{"min":1,"max":9}}`.
    init(json: JSON) throws {
        guard let object = json.object else { throw APIError.badRequest("expected a JSON object") }
        if let unknown = object.keys.sorted().first(where: { !Self.jsonKeys.contains($0) }) {
            throw APIError.badRequest("unknown field \(unknown)")
        }
        q = try JSON.string(object["q"], "q") ?? ""
        for key in ["filter", "filters"] {
            if let filter = object[key] { filters += try Self.filters(filter) }
        }
        if let sort = try JSON.string(object["sort"], "sort") { self.sort = FilterSyntax.parseSort(sort) }
        switch object["facets"] {
        case nil, .null?: break
        case .array(let list)?: facets = try list.map { try JSON.string($0, "facets") ?? "" }
        case .string(let text)?: facets = text.split(separator: ",").map(String.init)
        default: throw APIError.badRequest("facets: expected an array of field names")
        }
        limit = try JSON.integer(object["limit"], "limit") ?? limit
        offset = try JSON.integer(object["offset"], "offset") ?? offset
        maxValuesPerFacet = try JSON.integer(object["maxValuesPerFacet"], "maxValuesPerFacet") ?? maxValuesPerFacet
        highlight = try JSON.bool(object["highlight"], "highlight") ?? false
        any = try JSON.bool(object["any"], "any") ?? false
        if let mode = try JSON.string(object["mode"], "mode") { any = try Self.mode(mode) }
        try check()
    }

    /// The engine's request, with `extra` filters (a scoped key's) added.
    ///
    /// `FIELD=N` on a numeric field of `schema` means the range `[N, N]` (`available=1`,
    /// `available=true`), as users write it.
    func request(extra: [SearchRequest.Filter], schema: Schema) -> SearchRequest {
        let filters = (filters + extra).map { Self.numericEquality($0, schema) }
        var request = SearchRequest(
            text: q, mode: any ? .any : .all, filters: filters, sort: sort, limit: limit, offset: offset,
            facets: facets)
        request.wholeProducts = false
        if highlight { request.highlight = ("<em>", "</em>") }
        return request
    }

    /// `.equals` on a numeric field as a one-value range when the value is a number or a boolean.
    static func numericEquality(_ filter: SearchRequest.Filter, _ schema: Schema) -> SearchRequest.Filter {
        guard case .equals(let field, let value) = filter, let number = schema.fieldNumber(field),
            schema.fields[number].kind == .numeric
        else { return filter }
        let parsed: Double? =
            switch value.lowercased() {
            case "true": 1
            case "false": 0
            default: FilterSyntax.number(value)
            }
        guard let parsed else { return filter }
        return .range(field: field, min: parsed, max: parsed)
    }

    private func check() throws {
        guard (0...Self.maximumLimit).contains(limit) else {
            throw APIError.badRequest("limit must be between 0 and \(Self.maximumLimit), not \(limit)")
        }
        guard (0...Self.maximumOffset).contains(offset) else {
            throw APIError.badRequest("offset must be between 0 and \(Self.maximumOffset), not \(offset)")
        }
        guard (0...10_000).contains(maxValuesPerFacet) else {
            throw APIError.badRequest("maxValuesPerFacet must be between 0 and 10000, not \(maxValuesPerFacet)")
        }
        guard q.utf8.count <= 4_096 else { throw APIError.badRequest("q is over 4096 bytes") }
    }

    private static func filters(_ value: JSON) throws -> [SearchRequest.Filter] {
        switch value {
        case .string(let text): return [try RequestFilter.parse(text)]
        case .array(let list):
            return try list.map {
                guard case .string(let text) = $0 else {
                    throw APIError.badRequest("filter: expected strings such as \"vendor=Samsung\" or \"price<100\"")
                }
                return try RequestFilter.parse(text)
            }
        case .object(let object):
            return try object.keys.sorted().map { field in try filter(field, object[field] ?? .null) }
        default:
            throw APIError.badRequest("filter: expected a string, an array of strings or an object")
        }
    }

    private static func filter(_ field: String, _ value: JSON) throws -> SearchRequest.Filter {
        switch value {
        case .string(let text): return .equals(field: field, value: text)
        case .number(let number): return .range(field: field, min: number, max: number)
        case .bool(let flag): return .range(field: field, min: flag ? 1 : 0, max: flag ? 1 : 0)
        case .array(let list):
            return .anyOf(
                field: field,
                values: try list.map {
                    guard case .string(let text) = $0 else {
                        throw APIError.badRequest("filter \(field): expected an array of strings")
                    }
                    return text
                })
        case .object(let bounds):
            if let unknown = bounds.keys.sorted().first(where: { $0 != "min" && $0 != "max" }) {
                throw APIError.badRequest("filter \(field): unknown bound \(unknown) (expected min, max)")
            }
            return .range(
                field: field, min: try JSON.number(bounds["min"], "\(field).min"),
                max: try JSON.number(bounds["max"], "\(field).max"))
        case .null:
            throw APIError.badRequest(
                "filter \(field): expected a string, a number, an array of strings or {\"min\":…,\"max\":…}")
        }
    }

    private static func integer(_ text: String, _ name: String) throws -> Int {
        guard let value = Int(text) else { throw APIError.badRequest("\(name): expected an integer, not \(text)") }
        return value
    }

    private static func flag(_ text: String, _ name: String) throws -> Bool {
        switch text.lowercased() {
        case "", "1", "true", "yes": return true
        case "0", "false", "no": return false
        default: throw APIError.badRequest("\(name): expected true or false, not \(text)")
        }
    }

    private static func mode(_ text: String) throws -> Bool {
        switch text {
        case "any": return true
        case "all": return false
        default: throw APIError.badRequest("mode: expected any or all, not \(text)")
        }
    }
}

/// A JSON value, decoded without Foundation's `JSONSerialization` (whose numbers and booleans
/// look alike on Linux), with typed reads whose errors name the field.
enum JSON: Decodable, Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSON].self))
        }
    }

    /// Parses a JSON document.
    ///
    /// - Throws: ``APIError`` `bad_request` for an empty body or malformed JSON, with where it broke.
    static func parse(_ bytes: [UInt8]) throws -> JSON {
        guard !bytes.isEmpty else { throw APIError.badRequest("expected a JSON body") }
        do {
            return try JSONDecoder().decode(JSON.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw APIError.badRequest("malformed JSON: \(describe(error))")
        } catch {
            throw APIError.badRequest("malformed JSON: \(error)")
        }
    }

    /// A decoding error in one line: where (the coding path) and what.
    static func describe(_ error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c):
            context = c
        @unknown default:
            return "\(error)"
        }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
        return (path.isEmpty ? "" : "at \(path): ") + (underlying ?? context.debugDescription)
    }

    /// The object's members, or nil.
    var object: [String: JSON]? {
        if case .object(let value) = self { return value }
        return nil
    }

    static func string(_ value: JSON?, _ name: String) throws -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw APIError.badRequest("\(name): expected a string")
        }
    }

    static func integer(_ value: JSON?, _ name: String) throws -> Int? {
        switch value {
        case nil, .null?: return nil
        case .number(let number)? where number == number.rounded() && abs(number) < 1e15: return Int(number)
        default: throw APIError.badRequest("\(name): expected an integer")
        }
    }

    static func number(_ value: JSON?, _ name: String) throws -> Double? {
        switch value {
        case nil, .null?: return nil
        case .number(let number)?: return number
        default: throw APIError.badRequest("\(name): expected a number")
        }
    }

    static func bool(_ value: JSON?, _ name: String) throws -> Bool? {
        switch value {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        default: throw APIError.badRequest("\(name): expected true or false")
        }
    }
}
