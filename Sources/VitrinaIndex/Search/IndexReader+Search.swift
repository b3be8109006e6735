import Foundation
import VitrinaText

extension IndexReader {
    /// Runs `request` against this snapshot.
    ///
    /// Scoring is BM25F (see ``QueryScorer``): for each query clause, the frequencies of its terms
    /// in each text field are weighted by the field's weight (and the term's boost: 1 for exact
    /// terms, less for typo corrections), normalized by the field's length, summed, then
    /// saturated once with `k1`; the clause's IDF uses the largest document frequency among its
    /// terms. Query words found next to each other in a title add a proximity bonus.
    ///
    /// - Throws: ``IndexError`` `bad-request` for an unknown field or a field of the wrong kind,
    ///   `corrupt` for damaged files.
    public func search(_ request: SearchRequest) throws -> SearchResult {
        let query = try ParsedQuery(request.text, mode: request.mode, synonyms: request.synonyms)
        let textFields = schema.textFields
        let plan = try FilterPlan(request.filters, schema: schema, segments: segments)
        let facetFields = try request.facets.map { name -> (Int, FieldKind) in
            guard let number = schema.fieldNumber(name) else {
                throw IndexError(code: .badRequest, path: path, offset: nil, message: "unknown facet field \(name)")
            }
            if case .text = schema.fields[number].kind {
                throw IndexError(code: .badRequest, path: path, offset: nil, message: "\(name) is a text field")
            }
            return (number, schema.fields[number].kind)
        }
        let sortField: (Int, Bool)? = try {
            switch request.sort {
            case .relevance: return nil
            case .ascending(let name), .descending(let name):
                guard let number = schema.fieldNumber(name), schema.fields[number].kind == .numeric else {
                    throw IndexError(code: .badRequest, path: path, offset: nil, message: "cannot sort by \(name)")
                }
                if case .ascending = request.sort { return (number, true) }
                return (number, false)
            }
        }()
        let scorer = try QueryScorer(
            query: query, schema: schema, segments: segments, textFields: textFields,
            typoTolerance: request.typoTolerance, proximityBonus: request.proximityBonus,
            minimumShouldMatch: request.mode == .any ? request.minimumShouldMatch : 0, corrections: typoCorrections)

        // Negative values count as 0; a page past every possible match is empty (no overflow).
        let largest = segments.reduce(0) { $0 + $1.reader.documentCount }
        let offset = min(max(0, request.offset), largest)
        let wanted = offset + min(max(0, request.limit), largest)
        let collector = HitCollector(count: wanted, sort: sortField.map { (field: $0.0, ascending: $0.1) })
        var total = 0
        var keywordCounts: [String: [String: Int]] = [:]
        var numericValues: [String: [Double]] = [:]
        for (segmentIndex, segment) in segments.enumerated() {
            collector.beginSegment()
            // Keyword facet counts by ordinal in this segment, turned into values after.
            var ordinalCounts = facetFields.map { field, kind in
                kind == .keyword ? [Int](repeating: 0, count: segment.reader.keywordValues[field]?.count ?? 0) : []
            }
            var facetValues = facetFields.map { _ in [Double]() }
            let keywordColumns = facetFields.map { segment.reader.keywords(field: $0.0) }
            let numericColumns = facetFields.map { segment.reader.numbers(field: $0.0) }
            let checks = segment.deletions != nil || !plan.isEmpty
            total += try SegmentSearch(scorer: scorer, segmentIndex: segmentIndex).run(
                collector: collector,
                accept: checks
                    ? { document in
                        try segment.isLive(document) && plan.accepts(segment: segmentIndex, document: document)
                    } : nil,
                match: facetFields.isEmpty
                    ? nil
                    : { document in
                        for (position, (_, kind)) in facetFields.enumerated() {
                            if kind == .keyword {
                                try keywordColumns[position].first(in: document) { ordinal in
                                    ordinalCounts[position][ordinal] += 1
                                    return false
                                }
                            } else if let value = numericColumns[position].value(document) {
                                facetValues[position].append(value)
                            }
                        }
                    })
            for (position, (field, kind)) in facetFields.enumerated() {
                let name = schema.fields[field].name
                if kind == .keyword {
                    let values = segment.reader.keywordValues[field] ?? []
                    for (ordinal, count) in ordinalCounts[position].enumerated() where count > 0 {
                        keywordCounts[name, default: [:]][values[ordinal], default: 0] += count
                    }
                } else {
                    numericValues[name, default: []].append(contentsOf: facetValues[position])
                }
            }
        }

        let ordered = collector.ordered()
        let page = ordered.dropFirst(offset)
        let highlighter = request.highlight.map { Highlighter(terms: scorer.allTerms, open: $0.open, close: $0.close) }
        // One analyzer per language, built only when highlighting.
        var highlightAnalyzers: [AnalyzerPreset: AnyAnalyzer] = [:]
        let whole = request.wholeProducts || highlighter != nil
        let hits = try page.map { match in
            let reader = segments[match.segment].reader
            let product =
                whole
                ? try reader.storedProduct(document: match.document) : try reader.summary(document: match.document)
            var hit = SearchResult.Hit(id: product.id, score: match.score, product: product)
            if let highlighter {
                let preset = AnalyzerPreset(language: DocumentBuilder.language(of: product))
                let analyzer = highlightAnalyzers[preset] ?? AnyAnalyzer(preset: preset)
                highlightAnalyzers[preset] = analyzer
                if let title = product.title, let marked = try highlighter.highlight(title, analyzer: analyzer) {
                    hit.highlights["title"] = marked
                }
                if let description = product.description,
                    let marked = try highlighter.highlight(description, analyzer: analyzer, maximumLength: 160)
                {
                    hit.highlights["description"] = marked
                }
            }
            return hit
        }
        var keywordFacets: [String: [SearchResult.FacetValue]] = [:]
        for (name, counts) in keywordCounts {
            keywordFacets[name] = counts.map { SearchResult.FacetValue(value: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
        }
        var numericFacets: [String: SearchResult.NumericFacet] = [:]
        for (name, values) in numericValues { numericFacets[name] = Self.numericFacet(values) }
        return SearchResult(
            total: total, hits: hits, keywordFacets: keywordFacets, numericFacets: numericFacets)
    }

    /// How the score of the product `id` for `request`'s query is made; `nil` when the product is
    /// not in this snapshot or does not match the query (filters are not applied).
    public func explain(_ request: SearchRequest, id: String) throws -> Explanation? {
        let query = try ParsedQuery(request.text, mode: request.mode, synonyms: request.synonyms)
        let scorer = try QueryScorer(
            query: query, schema: schema, segments: segments, textFields: schema.textFields,
            typoTolerance: request.typoTolerance, proximityBonus: request.proximityBonus,
            corrections: typoCorrections)
        for (index, segment) in segments.enumerated().reversed() {
            guard let document = try segment.reader.documents(id: id).first(where: segment.isLive) else { continue }
            return try scorer.explain(segment: index, document: document)
        }
        return nil
    }

    /// Min, max and about five buckets at round boundaries.
    static func numericFacet(_ values: [Double]) -> SearchResult.NumericFacet {
        let low = values.min() ?? 0
        let high = values.max() ?? 0
        guard high > low else {
            return SearchResult.NumericFacet(min: low, max: high, buckets: [(low, high, values.count)])
        }
        let rough = (high - low) / 5
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? rough
        let start = floor(low / step) * step
        // Values near ±Double.greatestFiniteMagnitude (or infinite) leave no finite buckets.
        guard rough.isFinite, step.isFinite, step > 0, ((high - start) / step).isFinite else {
            return SearchResult.NumericFacet(min: low, max: high, buckets: [(low, high, values.count)])
        }
        let count = Int(((high - start) / step).rounded(.down)) + 1
        var buckets = (0..<count).map { (from: start + Double($0) * step, to: start + Double($0 + 1) * step, count: 0) }
        for value in values {
            let index = min(count - 1, Int(((value - start) / step).rounded(.down)))
            buckets[index].count += 1
        }
        return SearchResult.NumericFacet(min: low, max: high, buckets: buckets)
    }
}
