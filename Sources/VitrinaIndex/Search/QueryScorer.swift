import Foundation

/// Scores the documents of a snapshot for a parsed query: BM25F per clause, phrase matching,
/// required and excluded clauses, and the title proximity bonus.
///
/// A segment is walked in windows of ``windowSize`` documents, term at a time inside a window
/// (as tantivy's buffered union): each term's postings cursor adds `boost × weight × tf /
/// length normalization` into its clause's per-document sum, the clause is saturated once
/// (`idf × F (k1 + 1) / (k1 + F)`), and the clauses are summed. Before a window is scored, the
/// block-max bounds of the cursors in it (largest frequency, smallest length per 128-document
/// block) give the best score any document of the window can reach; when that cannot beat the
/// current k-th best hit, the window's documents are only counted (total, facets) and never
/// scored. Scores are the same as scoring every posting.
struct QueryScorer {
    /// A clause with its terms resolved per text field and its IDF.
    struct Resolved {
        var clause: ParsedQuery.Clause
        /// Per word of the clause (one, or several for a phrase): per field, the terms.
        var terms: [[Int: [ExpandedTerm]]]
        var idf: Double
    }

    /// Documents per window.
    static let windowSize = 2_048

    let schema: Schema
    let segments: [IndexReader.Segment]
    let textFields: [Int]
    let clauses: [Resolved]
    let averageLength: [Int: Double]
    let proximityBonus: Bool
    /// In `any` mode, the fewest optional clauses a document must match (0 and 1: one).
    let minimumShouldMatch: Int
    let titleField: Int?
    /// Dictionary entries of the query's terms per segment.
    let terms: TermCache

    /// The weight of the proximity bonus relative to a clause's IDF.
    static let proximityWeight = 0.5

    init(
        query: ParsedQuery, schema: Schema, segments: [IndexReader.Segment], textFields: [Int], typoTolerance: Bool,
        proximityBonus: Bool, minimumShouldMatch: Int = 0, corrections: TypoCorrections? = nil
    ) throws {
        self.schema = schema
        self.minimumShouldMatch = minimumShouldMatch
        self.segments = segments
        self.textFields = textFields
        self.proximityBonus = proximityBonus
        let cache = TermCache(segments: segments)
        terms = cache
        titleField = schema.fieldNumber(Schema.FieldName.title)
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
                    typos: typoTolerance && clause.allowsTypos, fields: textFields, segments: segments, cache: cache,
                    corrections: corrections)
            }
            // IDF: from the largest document frequency of any term of each word; phrases add theirs.
            var idf = 0.0
            for word in terms {
                var frequency = 0
                for (field, expanded) in word {
                    for term in expanded {
                        let df = try segments.indices.reduce(0) {
                            $0 + (try cache.info(segment: $1, field: field, term: term.term)?.documentFrequency ?? 0)
                        }
                        frequency = max(frequency, df)
                    }
                }
                idf += log(1 + (n - Double(frequency) + 0.5) / (Double(frequency) + 0.5))
            }
            return Resolved(clause: clause, terms: terms, idf: idf)
        }
    }

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

    /// Clauses that score (required or optional).
    var scoringClauses: [Resolved] { clauses.filter { $0.clause.occur != .mustNot } }

    /// Plain word clauses in query order: the words the proximity bonus looks at.
    var proximityWords: [Resolved] {
        scoringClauses.filter { !$0.clause.isPhrase && $0.clause.prefix == nil }
    }

    /// The bonus of each pair of consecutive proximity words (word *i* and *i + 1*); empty when
    /// the bonus does not apply.
    var pairBonuses: [Double] {
        let words = proximityWords
        guard proximityBonus, titleField != nil, words.count >= 2 else { return [] }
        return (0..<(words.count - 1)).map { Self.proximityWeight * min(words[$0].idf, words[$0 + 1].idf) }
    }

    /// `weight / (1 − b + b × length / average)` for every length of `field` in `segment`.
    func lengthFactors(field: Int, segment: SegmentReader) -> [Double] {
        guard case .text(let weight, _, _) = schema.fields[field].kind else { return [0] }
        let average = averageLength[field] ?? 1
        let maximum = segment.norms(field: field).maximum
        return (0...maximum).map { weight / (1 - schema.b + schema.b * Double($0) / average) }
    }

    /// BM25's saturation of a clause's weighted frequency sum.
    @inline(__always)
    func saturated(_ frequency: Double, idf: Double) -> Double {
        idf * frequency * (schema.k1 + 1) / (schema.k1 + frequency)
    }

    private static func rounded(_ value: Double) -> Double { (value * 1_000).rounded() / 1_000 }

    /// How the score of `document` in segment number `segment` is made, clause by clause and
    /// field by field; `nil` when the document does not match.
    func explain(segment index: Int, document: Int) throws -> Explanation? {
        let segment = segments[index].reader
        var parts: [Explanation] = []
        var clauseTotal = 0.0
        var matchedAny = false
        for resolved in clauses {
            let label = resolved.clause.isPhrase ? "phrase" : resolved.clause.prefix != nil ? "prefix" : "word"
            let terms = Set(resolved.terms.flatMap { $0.values.flatMap { $0.map(\.term) } }).sorted()
            var fields: [Explanation] = []
            var frequency = 0.0
            for field in textFields {
                let value = try fieldFrequency(resolved, field: field, segment: index, document: document)
                guard value > 0 else { continue }
                frequency += value
                let length = segment.norm(field: field, document: document)
                fields.append(
                    Explanation(
                        value: value,
                        description: "field \(schema.fields[field].name): weighted, length-normalized frequency "
                            + "(length \(length), average \(Self.rounded(averageLength[field] ?? 1)))",
                        details: []))
            }
            switch resolved.clause.occur {
            case .mustNot:
                if frequency > 0 { return nil }
                continue
            case .must:
                if frequency == 0 { return nil }
            case .should:
                break
            }
            guard frequency > 0 else { continue }
            matchedAny = true
            let value = saturated(frequency, idf: resolved.idf)
            clauseTotal += value
            parts.append(
                Explanation(
                    value: value,
                    description: "\(label) [\(terms.joined(separator: ", "))]: idf \(Self.rounded(resolved.idf)) × "
                        + "tf (k1 + 1) / (k1 + tf) with tf \(Self.rounded(frequency)), k1 \(schema.k1), b \(schema.b)",
                    details: fields))
        }
        if scoringClauses.isEmpty {
            return Explanation(value: 0, description: "BM25F sum of", details: [])
        }
        guard matchedAny else { return nil }
        let bonus = try proximityBonuses([document], segment: index)[0]
        if bonus > 0 {
            parts.append(
                Explanation(
                    value: bonus, description: "proximity: consecutive query words next to each other in the title",
                    details: []))
        }
        return Explanation(value: clauseTotal + bonus, description: "BM25F sum of", details: parts)
    }

    /// The weighted, length-normalized frequency of one clause in one field of one document.
    private func fieldFrequency(_ resolved: Resolved, field: Int, segment index: Int, document: Int) throws
        -> Double
    {
        let segment = segments[index].reader
        guard case .text(let weight, _, _) = schema.fields[field].kind, weight > 0 else { return 0 }
        let average = averageLength[field] ?? 1
        let normalized =
            weight / (1 - schema.b + schema.b * Double(segment.norm(field: field, document: document)) / average)
        if resolved.clause.isPhrase {
            let words = resolved.terms.map { $0[field] ?? [] }
            let found = try phraseFrequencies(words, field: field, segment: index)
            return found.first { $0.document == Int32(document) }.map { $0.frequency * normalized } ?? 0
        }
        var total = 0.0
        for term in resolved.terms.first?[field] ?? [] {
            guard let info = try terms.info(segment: index, field: field, term: term.term) else { continue }
            let cursor = try segment.cursor(field: field, info: info)
            try cursor.seek(Int32(document))
            if cursor.doc == Int32(document) { total += term.boost * Double(cursor.frequency) * normalized }
        }
        return total
    }

    /// Positions of any of `terms` per document in one field.
    private func positions(_ expanded: [ExpandedTerm], field: Int, segment index: Int) throws -> [Int32: Set<Int32>] {
        var result: [Int32: Set<Int32>] = [:]
        var buffer: [Int32] = []
        for term in expanded {
            guard let info = try terms.info(segment: index, field: field, term: term.term) else { continue }
            let cursor = try segments[index].reader.cursor(field: field, info: info)
            try cursor.next()
            while cursor.doc != PostingsCursor.end {
                try cursor.positions(into: &buffer)
                result[cursor.doc, default: []].formUnion(buffer)
                try cursor.next()
            }
        }
        return result
    }

    /// How often the words occur in order, next to each other, per document (sorted by document).
    func phraseFrequencies(_ words: [[ExpandedTerm]], field: Int, segment: Int) throws -> [(
        document: Int32, frequency: Double
    )] {
        guard let first = words.first else { return [] }
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
        return candidates.map { ($0.key, Double($0.value.count)) }.sorted { $0.0 < $1.0 }
    }

    /// The proximity bonus of each of `documents` (ascending): for each pair of consecutive query
    /// words found next to each other (in order) in the title, `proximityWeight` × the smaller IDF
    /// of the two.
    func proximityBonuses(_ documents: [Int], segment index: Int) throws -> [Double] {
        let segment = segments[index].reader
        var bonuses = [Double](repeating: 0, count: documents.count)
        let words = proximityWords
        guard proximityBonus, words.count >= 2, let title = titleField, !documents.isEmpty else { return bonuses }
        // Per word, cursors over its title terms; walked forward once over the sorted documents.
        let cursors = try words.map { word -> [PostingsCursor] in
            try (word.terms.first?[title] ?? []).compactMap { term in
                guard let info = try terms.info(segment: index, field: title, term: term.term) else { return nil }
                let cursor = try segment.cursor(field: title, info: info)
                try cursor.next()
                return cursor
            }
        }
        var found = [[Int32]](repeating: [], count: words.count)
        var buffer: [Int32] = []
        for (slot, document) in documents.enumerated() {
            let target = Int32(document)
            for (word, wordCursors) in cursors.enumerated() {
                found[word].removeAll(keepingCapacity: true)
                for cursor in wordCursors {
                    try cursor.seek(target)
                    if cursor.doc == target {
                        try cursor.positions(into: &buffer)
                        found[word].append(contentsOf: buffer)
                    }
                }
            }
            for index in 0..<(words.count - 1) where !found[index].isEmpty && !found[index + 1].isEmpty {
                let right = found[index + 1]
                if found[index].contains(where: { right.contains($0 + 1) }) {
                    bonuses[slot] += Self.proximityWeight * min(words[index].idf, words[index + 1].idf)
                }
            }
        }
        return bonuses
    }
}
