/// A query term as looked up in one text field: the dictionary term and how much a match counts.
struct ExpandedTerm: Hashable {
    var term: String
    var boost: Double
}

/// Turns query clauses into dictionary terms per text field, over every segment of a snapshot:
/// exact terms, prefix completions and typo corrections.
struct TermExpansion {
    /// Boost of a term one edit away from the query word.
    static let oneEditBoost = 0.6
    /// Boost of a term two edits away.
    static let twoEditsBoost = 0.4
    /// At most this many completions or corrections per word and field.
    static let maximumExpansions = 30

    /// Per text field, the terms of one word; terms in `exact` (sound keys) are never corrected.
    ///
    /// Typo corrections are only looked for when no term of the word (its sound key aside) is in any
    /// field's dictionary as typed: a word the catalog knows is taken at its word (as a "did you
    /// mean" would), which keeps common queries as fast as exact ones.
    static func expand(
        word terms: [String], exact: Set<String> = [], prefix: String?, typos: Bool, fields: [Int],
        segments: [IndexReader.Segment], cache: TermCache, corrections: TypoCorrections? = nil
    ) throws -> [Int: [ExpandedTerm]] {
        var result: [Int: [ExpandedTerm]] = [:]
        var typos = typos
        if typos {
            search: for field in fields {
                for term in terms where !exact.contains(term) {
                    for segment in segments.indices
                    where try cache.info(segment: segment, field: field, term: term) != nil {
                        typos = false
                        break search
                    }
                }
            }
        }
        for field in fields {
            var found: [String: Double] = [:]
            for term in terms { found[term] = 1 }
            if let prefix, !prefix.isEmpty {
                let bytes = Array(prefix.utf8)
                for segment in segments {
                    var count = 0
                    try bytes.withUnsafeBytes { start in
                        try segment.reader.scanTerms(field: field, from: start) { term, _ in
                            guard term.starts(with: bytes), count < maximumExpansions else { return .stop }
                            found[String(decoding: term, as: UTF8.self)] = 1
                            count += 1
                            return .next
                        }
                    }
                }
            }
            if typos {
                for term in terms where !exact.contains(term) {
                    guard let matcher = FuzzyMatcher(term) else { continue }
                    let find = { try Self.corrections(of: matcher, field: field, segments: segments) }
                    let corrected =
                        try corrections.map { try $0.corrections(field: field, term: term, find: find) } ?? find()
                    for correction in corrected {
                        found[correction.term] = max(found[correction.term] ?? 0, correction.boost)
                    }
                }
            }
            result[field] = found.map { ExpandedTerm(term: $0.key, boost: $0.value) }
                .sorted { $0.term < $1.term }
        }
        return result
    }

    /// The terms of `field` one or two edits from the matcher's word (not the word itself), at
    /// most ``maximumExpansions`` per segment, with their boosts.
    static func corrections(of matcher: FuzzyMatcher, field: Int, segments: [IndexReader.Segment]) throws
        -> [ExpandedTerm]
    {
        var found: [String: Double] = [:]
        let first = matcher.firstLetter
        for segment in segments {
            var walk = FuzzyMatcher.Walk()
            var count = 0
            try first.withUnsafeBytes { start in
                try segment.reader.scanTerms(field: field, from: start) { bytes, _ in
                    guard bytes.starts(with: first), count < maximumExpansions else { return .stop }
                    switch matcher.step(bytes, walk: &walk) {
                    case .dead(let prefixBytes):
                        return .skipPrefix(prefixBytes)
                    case .miss, .match(distance: 0):
                        return .next
                    case .match(let distance):
                        let text = String(decoding: bytes, as: UTF8.self)
                        let boost = distance == 1 ? oneEditBoost : twoEditsBoost
                        found[text] = max(found[text] ?? 0, boost)
                        count += 1
                        return .next
                    }
                }
            }
        }
        return found.map { ExpandedTerm(term: $0.key, boost: $0.value) }.sorted { $0.term < $1.term }
    }
}
