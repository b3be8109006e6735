import Foundation
import VitrinaIndex

/// Vendor and category values of a snapshot, prepared for completion on every keystroke.
///
/// Built once per snapshot from two facet counts over the whole index (all products, and those in
/// stock), so ranking uses the popularity proxies the index has: how many products carry the value,
/// in stock first.
struct SuggestionTable: Sendable {
    /// One completable value.
    struct Entry: Sendable {
        /// The value as the catalog writes it.
        var value: String
        /// `vendor` or `category`.
        var kind: String
        /// Products with the value.
        var count: Int
        /// Products with the value that are in stock.
        var inStock: Int
        /// The normalized value and each normalized word of it (where a prefix may start).
        var keys: [String]
    }

    /// One completion.
    struct Match: Sendable {
        var entry: Entry
        /// 0 for an exact prefix, 1 for one edit.
        var edits: Int
    }

    private(set) var entries: [Entry] = []

    init(reader: IndexReader) {
        let fields = ["vendor", "category"].filter { reader.schema.fieldNumber($0) != nil }
        guard !fields.isEmpty else { return }
        var all = SearchRequest(text: "", limit: 0, facets: fields)
        all.wholeProducts = false
        var stocked = all
        stocked.filters = [.range(field: "available", min: 1, max: nil)]
        let counts = (try? reader.search(all))?.keywordFacets ?? [:]
        let inStock = (try? reader.search(stocked))?.keywordFacets ?? [:]
        for field in fields {
            let stock = Dictionary((inStock[field] ?? []).map { ($0.value, $0.count) }, uniquingKeysWith: +)
            for value in counts[field] ?? [] {
                let normalized = Self.normalize(value.value)
                let words = normalized.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
                entries.append(
                    Entry(
                        value: value.value, kind: field, count: value.count, inStock: stock[value.value] ?? 0,
                        keys: [normalized] + words.dropFirst()))
            }
        }
        entries.sort { ($0.inStock, $0.count, $1.value) > ($1.inStock, $1.count, $0.value) }
    }

    /// Values completing `prefix` (normalized), the most popular first; a prefix of 4 characters
    /// or more also matches values one edit away.
    func complete(_ prefix: String, kinds: Set<String>? = nil, limit: Int) -> [Match] {
        let query = Self.normalize(prefix)
        guard !query.isEmpty, limit > 0 else { return [] }
        let typos = query.count >= 4
        let queryCharacters = Array(query)
        var exact: [Match] = []
        var near: [Match] = []
        for entry in entries where kinds?.contains(entry.kind) ?? true {
            if entry.keys.contains(where: { $0.hasPrefix(query) }) {
                exact.append(Match(entry: entry, edits: 0))
                if exact.count >= limit { break }
            } else if typos, near.count < limit,
                entry.keys.contains(where: { Self.prefixDistanceAtMostOne(queryCharacters, $0) })
            {
                near.append(Match(entry: entry, edits: 1))
            }
        }
        return Array((exact + near).prefix(limit))
    }

    /// Lowercase, `ё` as `е`, spaces collapsed.
    static func normalize(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "ё", with: "е").split(separator: " ").joined(separator: " ")
    }

    /// Whether some prefix of `word` is at most one edit (insertion, deletion, substitution) from
    /// `query`.
    static func prefixDistanceAtMostOne(_ query: [Character], _ word: String) -> Bool {
        let word = Array(word.prefix(query.count + 1))
        // Row of edit distances between query[..<i] and word[..<j]; the answer is the smallest
        // distance between the whole query and any prefix of the word.
        var previous = Array(0...word.count)
        for i in 1...query.count {
            var row = [i] + Array(repeating: 0, count: word.count)
            for j in 1...max(1, word.count) where j <= word.count {
                let cost = query[i - 1] == word[j - 1] ? 0 : 1
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = row
        }
        return (previous.min() ?? Int.max) <= 1
    }
}
