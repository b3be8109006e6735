import VitrinaText

/// Filters resolved against a snapshot: keyword values turned into ordinals per segment.
struct FilterPlan {
    private enum Resolved {
        case keyword(field: Int, ordinals: [Set<Int>])
        case range(field: Int, min: Double?, max: Double?)
    }

    private let filters: [Resolved]
    private let segments: [IndexReader.Segment]

    init(_ filters: [SearchRequest.Filter], schema: Schema, segments: [IndexReader.Segment]) throws {
        let normalizer = TextNormalizer(language: .other)
        self.segments = segments
        self.filters = try filters.map { filter in
            switch filter {
            case .equals(let name, let value):
                return try Self.keyword(
                    name, values: [value], schema: schema, segments: segments, normalizer: normalizer)
            case .anyOf(let name, let values):
                return try Self.keyword(
                    name, values: values, schema: schema, segments: segments, normalizer: normalizer)
            case .range(let name, let min, let max):
                guard let field = schema.fieldNumber(name), schema.fields[field].kind == .numeric else {
                    throw IndexError(
                        code: .badRequest, path: name, offset: nil, message: "\(name) is not a numeric field")
                }
                for bound in [min, max].compactMap({ $0 }) where !bound.isFinite {
                    // NaN compares false with everything: `price<nan` would let every product through.
                    throw IndexError(
                        code: .badRequest, path: name, offset: nil,
                        message: "a range bound must be a finite number, found \(bound)")
                }
                return .range(field: field, min: min, max: max)
            }
        }
    }

    /// A keyword filter: the ordinals, per segment, of the values equal (normalized) to any wanted one.
    private static func keyword(
        _ name: String, values: [String], schema: Schema, segments: [IndexReader.Segment], normalizer: TextNormalizer
    ) throws -> Resolved {
        guard let field = schema.fieldNumber(name), schema.fields[field].kind == .keyword else {
            throw IndexError(
                code: .badRequest, path: name, offset: nil, message: "\(name) is not a keyword field")
        }
        let wanted = Set(values.map(normalizer.normalize))
        let ordinals = segments.map { segment in
            Set(
                (segment.reader.keywordValues[field] ?? []).indices.filter {
                    wanted.contains(normalizer.normalize(segment.reader.keywordValues[field]?[$0] ?? ""))
                })
        }
        return .keyword(field: field, ordinals: ordinals)
    }

    /// Whether there are no filters.
    var isEmpty: Bool { filters.isEmpty }

    /// Whether `document` of segment number `segment` passes every filter.
    func accepts(segment: Int, document: Int) throws -> Bool {
        let reader = segments[segment].reader
        for filter in filters {
            switch filter {
            case .keyword(let field, let ordinals):
                let wanted = ordinals[segment]
                if wanted.isEmpty { return false }
                guard try reader.hasKeywordOrdinal(field: field, document: document, in: wanted)
                else {
                    return false
                }
            case .range(let field, let min, let max):
                guard let value = reader.number(field: field, document: document) else { return false }
                if let min, value < min { return false }
                if let max, value > max { return false }
            }
        }
        return true
    }
}
