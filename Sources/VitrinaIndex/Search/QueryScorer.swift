import Foundation

/// Scores the documents of a snapshot for a parsed query: BM25F per clause, phrase matching,
/// required and excluded clauses, and the title proximity bonus.
struct QueryScorer {
    /// A clause with its terms resolved per text field and its IDF.
    private struct Resolved {
        var clause: ParsedQuery.Clause
        /// Per word of the clause (one, or several for a phrase): per field, the terms.
        var terms: [[Int: [ExpandedTerm]]]
        var idf: Double
    }

    private let schema: Schema
    private let segments: [IndexReader.Segment]
    private let textFields: [Int]
    private let clauses: [Resolved]
    private let averageLength: [Int: Double]
    private let proximityBonus: Bool
    private let minimumShouldMatch: Int
    private let titleField: Int?

    /// The weight of the proximity bonus relative to a clause's IDF.
    static let proximityWeight = 0.5

    init(
        query: ParsedQuery, schema: Schema, segments: [IndexReader.Segment], textFields: [Int], typoTolerance: Bool,
        proximityBonus: Bool, minimumShouldMatch: Int = 0
    ) throws {
        self.schema = schema
        self.minimumShouldMatch = minimumShouldMatch
        self.segments = segments
        self.textFields = textFields
        self.proximityBonus = proximityBonus
        titleField = schema.fieldNumber("title")
        let totalDocuments = segments.reduce(0) { $0 + $1.reader.documentCount }
        var averages: [Int: Double] = [:]
        for field in textFields {
            let sum = segments.reduce(0) { $0 + ($1.reader.lengthSums[field] ?? 0) }
            averages[field] = totalDocuments > 0 ? max(1, Double(sum) / Double(totalDocuments)) : 1
        }
        averageLength = averages
        let n = Double(max(totalDocuments, 1))
        clauses = try query.clauses.map { clause in
            let terms = try clause.words.map { word in
                try TermExpansion.expand(
                    word: word, exact: clause.soundKeys, prefix: clause.prefix,
                    typos: typoTolerance && clause.allowsTypos, fields: textFields,
                    segments: segments)
            }
            // IDF: from the largest document frequency of any term of each word; phrases add theirs.
            var idf = 0.0
            for word in terms {
                var frequency = 0
                for (field, expanded) in word {
                    for term in expanded {
                        let bytes = Array(term.term.utf8)
                        let df = try segments.reduce(0) {
                            $0 + (try $1.reader.termInfo(field: field, term: bytes)?.documentFrequency ?? 0)
                        }
                        frequency = max(frequency, df)
                    }
                }
                idf += log(1 + (n - Double(frequency) + 0.5) / (Double(frequency) + 0.5))
            }
            return Resolved(clause: clause, terms: terms, idf: idf)
        }
    }

    /// The matching documents of segment number `segment` with their scores.
    ///
    /// Without clauses every document matches with score 0.
    func candidates(segment index: Int) throws -> [(Int, Double)] {
        let segment = segments[index].reader
        let scoring = clauses.filter { $0.clause.occur != .mustNot }
        guard !scoring.isEmpty else {
            let excluded = try excludedDocuments(segment)
            return (0..<segment.documentCount).filter { !excluded.contains(Int32($0)) }.map { ($0, 0) }
        }
        let count = segment.documentCount
        var sums = [Double](repeating: 0, count: count)
        var requiredMatches = [UInt16](repeating: 0, count: count)
        var optionalMatches = [UInt16](repeating: 0, count: minimumShouldMatch > 1 ? count : 0)
        var touched: [Int32] = []
        let required = scoring.filter { $0.clause.occur == .must }.count
        for resolved in scoring {
            for (document, frequency) in try weightedFrequencies(resolved, in: segment) {
                let index = Int(document)
                if sums[index] == 0 && requiredMatches[index] == 0 { touched.append(document) }
                sums[index] += resolved.idf * frequency * (schema.k1 + 1) / (schema.k1 + frequency)
                if resolved.clause.occur == .must {
                    requiredMatches[index] &+= 1
                } else if !optionalMatches.isEmpty {
                    optionalMatches[index] &+= 1
                }
            }
        }
        let excluded = try excludedDocuments(segment)
        var matched: [(Int, Double)] = []
        matched.reserveCapacity(touched.count)
        for document in touched where !excluded.contains(document) {
            let index = Int(document)
            if required > 0 && Int(requiredMatches[index]) != required { continue }
            if !optionalMatches.isEmpty && Int(optionalMatches[index]) < minimumShouldMatch { continue }
            matched.append((index, sums[index]))
        }
        let proximityWords = scoring.filter { !$0.clause.isPhrase && $0.clause.prefix == nil }
        guard proximityBonus, proximityWords.count >= 2, !matched.isEmpty else { return matched }
        // The bonus is a rescoring of the best `proximityWindow` matches of the segment (as
        // Elasticsearch's rescore window): the tail cannot reach the first pages anyway.
        let window =
            matched.count > Self.proximityWindow
            ? matched.firstSorted(Self.proximityWindow) { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 } : matched
        // Window slot per document (-1 outside the window): dense, so the postings walk below
        // costs an array read per posting rather than a hash lookup.
        var slots = [Int32](repeating: -1, count: count)
        for (slot, match) in window.enumerated() { slots[match.0] = Int32(slot) }
        let bonuses = try proximityBonuses(slots: slots, windowSize: window.count, segment: segment, clauses: scoring)
        return matched.map { match in
            let slot = slots[match.0]
            return slot < 0 ? match : (match.0, match.1 + bonuses[Int(slot)])
        }
    }

    /// How many of a segment's best matches the proximity bonus rescores.
    static let proximityWindow = 1_000

    /// Every term the query looks up, for highlighting.
    var allTerms: Set<String> {
        var terms: Set<String> = []
        for resolved in clauses where resolved.clause.occur != .mustNot {
            for word in resolved.terms {
                for expanded in word.values { terms.formUnion(expanded.map(\.term)) }
            }
        }
        return terms
    }

    /// How the score of `document` in segment number `segment` is made, clause by clause and
    /// field by field; `nil` when the document does not match.
    func explain(segment index: Int, document: Int) throws -> Explanation? {
        guard let score = try candidates(segment: index).first(where: { $0.0 == document })?.1 else { return nil }
        let segment = segments[index].reader
        let target = Int32(document)
        var parts: [Explanation] = []
        var clauseTotal = 0.0
        for resolved in clauses where resolved.clause.occur != .mustNot {
            let label = resolved.clause.isPhrase ? "phrase" : resolved.clause.prefix != nil ? "prefix" : "word"
            let terms = Set(resolved.terms.flatMap { $0.values.flatMap { $0.map(\.term) } }).sorted()
            var fields: [Explanation] = []
            var frequency = 0.0
            for field in textFields {
                let values = try weightedFrequencies(resolved, in: segment, fields: [field])
                guard let value = values.first(where: { $0.0 == target })?.1 else { continue }
                frequency += value
                let length = segment.norm(field: field, document: document)
                fields.append(
                    Explanation(
                        value: value,
                        description: "field \(schema.fields[field].name): weighted, length-normalized frequency "
                            + "(length \(length), average \(Self.rounded(averageLength[field] ?? 1)))",
                        details: []))
            }
            guard frequency > 0 else { continue }
            let value = resolved.idf * frequency * (schema.k1 + 1) / (schema.k1 + frequency)
            clauseTotal += value
            parts.append(
                Explanation(
                    value: value,
                    description: "\(label) [\(terms.joined(separator: ", "))]: idf \(Self.rounded(resolved.idf)) × "
                        + "tf (k1 + 1) / (k1 + tf) with tf \(Self.rounded(frequency)), k1 \(schema.k1), b \(schema.b)",
                    details: fields))
        }
        if score - clauseTotal > 1e-12 {
            parts.append(
                Explanation(
                    value: score - clauseTotal,
                    description: "proximity: consecutive query words next to each other in the title", details: []))
        }
        return Explanation(value: score, description: "BM25F sum of", details: parts)
    }

    private static func rounded(_ value: Double) -> Double { (value * 1_000).rounded() / 1_000 }

    /// Documents matching any excluded clause.
    private func excludedDocuments(_ segment: SegmentReader) throws -> Set<Int32> {
        var excluded: Set<Int32> = []
        for resolved in clauses where resolved.clause.occur == .mustNot {
            excluded.formUnion(try weightedFrequencies(resolved, in: segment).map(\.0))
        }
        return excluded
    }

    /// Σ over fields and terms of boost × field weight × frequency / length normalization, for
    /// every document the clause matches.
    private func weightedFrequencies(
        _ resolved: Resolved, in segment: SegmentReader, fields: [Int]? = nil
    ) throws -> [(Int32, Double)] {
        var sums = [Double](repeating: 0, count: segment.documentCount)
        var touched: [Int32] = []
        func add(_ document: Int32, _ value: Double) {
            let index = Int(document)
            if sums[index] == 0 { touched.append(document) }
            sums[index] += value
        }
        for field in fields ?? textFields {
            guard case .text(let weight, _, _) = schema.fields[field].kind, weight > 0 else { continue }
            let average = averageLength[field] ?? 1
            func normalized(_ document: Int32) -> Double {
                weight
                    / (1 - schema.b + schema.b * Double(segment.norm(field: field, document: Int(document))) / average)
            }
            if resolved.clause.isPhrase {
                let words = resolved.terms.map { $0[field] ?? [] }
                for (document, frequency) in try phraseFrequencies(words, field: field, segment: segment) {
                    add(document, frequency * normalized(document))
                }
            } else {
                for term in resolved.terms.first?[field] ?? [] {
                    guard let info = try segment.termInfo(field: field, term: Array(term.term.utf8)) else { continue }
                    let postings = try segment.postings(field: field, info: info)
                    for (document, frequency) in zip(postings.documents, postings.frequencies) {
                        add(document, term.boost * Double(frequency) * normalized(document))
                    }
                }
            }
        }
        return touched.map { ($0, sums[Int($0)]) }
    }

    /// Positions of any of `terms` per document in one field.
    private func positions(_ terms: [ExpandedTerm], field: Int, segment: SegmentReader) throws -> [Int32: Set<Int32>] {
        var result: [Int32: Set<Int32>] = [:]
        for term in terms {
            guard let info = try segment.termInfo(field: field, term: Array(term.term.utf8)) else { continue }
            let postings = try segment.postings(field: field, info: info)
            let positions = try segment.positions(field: field, info: info, frequencies: postings.frequencies)
            for (document, documentPositions) in zip(postings.documents, positions) {
                result[document, default: []].formUnion(documentPositions)
            }
        }
        return result
    }

    /// How often the words occur in order, next to each other, per document.
    private func phraseFrequencies(_ words: [[ExpandedTerm]], field: Int, segment: SegmentReader) throws -> [Int32:
        Double]
    {
        guard let first = words.first else { return [:] }
        var candidates = try positions(first, field: field, segment: segment)
        for (offset, word) in words.enumerated().dropFirst() {
            let next = try positions(word, field: field, segment: segment)
            var kept: [Int32: Set<Int32>] = [:]
            for (document, starts) in candidates {
                guard let following = next[document] else { continue }
                let matching = starts.filter { following.contains($0 + Int32(offset)) }
                if !matching.isEmpty { kept[document] = matching }
            }
            candidates = kept
        }
        return candidates.mapValues { Double($0.count) }
    }

    /// For each window slot, the proximity bonus: for each pair of consecutive query words found
    /// next to each other (in order) in the title, `proximityWeight` × the smaller IDF of the two.
    private func proximityBonuses(slots: [Int32], windowSize: Int, segment: SegmentReader, clauses: [Resolved])
        throws -> [Double]
    {
        var bonuses = [Double](repeating: 0, count: windowSize)
        let words = clauses.filter { !$0.clause.isPhrase && $0.clause.prefix == nil }
        guard words.count >= 2, let title = titleField, windowSize > 0 else { return bonuses }
        // Title positions per word and window slot, decoded only for documents in the window.
        let positions = try words.map { word -> [[Int32]] in
            var bySlot = [[Int32]](repeating: [], count: windowSize)
            for term in word.terms.first?[title] ?? [] {
                guard let info = try segment.termInfo(field: title, term: Array(term.term.utf8)) else { continue }
                let postings = try segment.postings(field: title, info: info)
                try segment.forEachPositions(
                    field: title, info: info, documents: postings.documents, frequencies: postings.frequencies,
                    keep: { slots[Int($0)] >= 0 }
                ) { document, found in bySlot[Int(slots[Int(document)])].append(contentsOf: found) }
            }
            return bySlot
        }
        for index in 0..<(words.count - 1) {
            let bonus = Self.proximityWeight * min(words[index].idf, words[index + 1].idf)
            for slot in 0..<windowSize where !positions[index][slot].isEmpty {
                let right = positions[index + 1][slot]
                if positions[index][slot].contains(where: { right.contains($0 + 1) }) { bonuses[slot] += bonus }
            }
        }
        return bonuses
    }
}
