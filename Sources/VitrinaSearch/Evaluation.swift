import Foundation
import VitrinaIndex
import VitrinaVoice

/// One judged query of a `Queries/` set (a JSONL line; format in README).
public struct JudgedQuery: Sendable, Decodable {
    /// The parse the query should get.
    public struct Expected: Sendable, Decodable {
        /// Intent name, as in ``VoiceQuery/Intent``.
        public var intent: String
        /// Sort name, as in ``VoiceQuery/Sort``.
        public var sort: String
        /// Brands.
        public var vendor: [String]
        /// Price range, `null` when none is said.
        public var price: VoiceQuery.PriceRange?
        /// Canonical colours.
        public var color: [String]
    }

    /// The query as spoken.
    public var query: String
    /// Its language.
    public var language: String
    /// The expected parse.
    public var expected: Expected
    /// Relevant product ids with grades (2 exact, 1 near miss).
    public var relevant: [String: Int]
}

/// Ranking quality over a query set.
public struct RankingMetrics: Sendable, Encodable, Equatable {
    /// Mean reciprocal rank of the first relevant hit.
    public var mrr: Double
    /// Mean nDCG over the first ten hits (gain 2^grade − 1).
    public var ndcg10: Double
    /// Mean share of the relevant products found in the first ten hits.
    public var recall10: Double
}

/// What `vitrina eval` reports.
public struct EvaluationReport: Sendable, Encodable {
    /// One of the worst-ranked queries.
    public struct Worst: Sendable, Encodable {
        /// The query.
        public var query: String
        /// Its nDCG@10 with understanding, and as a keyword query.
        public var ndcg10: Double
        public var keywordNdcg10: Double
        /// The parsed text and what relaxation gave up.
        public var text: String
        public var relaxed: [String]
    }

    /// Queries evaluated.
    public var queries: Int
    /// Share of queries whose parse matches the expectation, per field and for all fields at once.
    public var parseAccuracy: [String: Double]
    /// Ranking with query understanding (`ask`).
    public var voice: RankingMetrics
    /// Ranking of the same text as a plain keyword query (any word, BM25F), for comparison.
    public var keyword: RankingMetrics
    /// The ten queries with the lowest nDCG@10.
    public var worst: [Worst]
}

/// Evaluates voice search against judged queries.
public enum Evaluation {
    /// Runs every query through `search` (and as a keyword query through `reader`).
    ///
    /// - Throws: ``IndexError`` when the index cannot be read.
    public static func run(_ queries: [JudgedQuery], search: VoiceSearch, reader: IndexReader) throws
        -> EvaluationReport
    {
        var fieldHits: [String: Int] = [:]
        var voice: [(Double, Double, Double)] = []
        var keyword: [(Double, Double, Double)] = []
        var rows: [EvaluationReport.Worst] = []
        for judged in queries {
            let result = try search.ask(judged.query, limit: 10)
            let parsed = result.parsed
            let checks: [String: Bool] = [
                "language": parsed.language.rawValue == judged.language,
                "intent": parsed.intent.rawValue == judged.expected.intent,
                "sort": parsed.sort.rawValue == judged.expected.sort,
                "vendor": Set(parsed.filters.vendor) == Set(judged.expected.vendor),
                "price": parsed.filters.price == judged.expected.price,
                "color": Set(parsed.filters.color) == Set(judged.expected.color),
            ]
            for (field, ok) in checks where ok { fieldHits[field, default: 0] += 1 }
            if checks.values.allSatisfy({ $0 }) { fieldHits["all", default: 0] += 1 }
            let voiceScores = scores(result.hits.map(\.id), judged.relevant)
            let plain = try reader.search(SearchRequest(text: judged.query, mode: .any, limit: 10))
            let keywordScores = scores(plain.hits.map(\.id), judged.relevant)
            voice.append(voiceScores)
            keyword.append(keywordScores)
            rows.append(
                .init(
                    query: judged.query, ndcg10: voiceScores.1, keywordNdcg10: keywordScores.1, text: parsed.text,
                    relaxed: result.relaxed))
        }
        let count = Double(max(1, queries.count))
        func mean(_ values: [(Double, Double, Double)]) -> RankingMetrics {
            RankingMetrics(
                mrr: values.map(\.0).reduce(0, +) / count, ndcg10: values.map(\.1).reduce(0, +) / count,
                recall10: values.map(\.2).reduce(0, +) / count)
        }
        var accuracy: [String: Double] = [:]
        for field in ["language", "intent", "sort", "vendor", "price", "color", "all"] {
            accuracy[field] = Double(fieldHits[field] ?? 0) / count
        }
        return EvaluationReport(
            queries: queries.count, parseAccuracy: accuracy, voice: mean(voice), keyword: mean(keyword),
            worst: Array(rows.sorted { $0.ndcg10 < $1.ndcg10 }.prefix(10)))
    }

    /// Reciprocal rank, nDCG@10 and recall@10 of a ranking.
    static func scores(_ ranking: [String], _ relevant: [String: Int]) -> (Double, Double, Double) {
        let top = Array(ranking.prefix(10))
        let reciprocal = top.firstIndex { (relevant[$0] ?? 0) > 0 }.map { 1 / Double($0 + 1) } ?? 0
        func dcg(_ grades: [Int]) -> Double {
            grades.enumerated().reduce(0) { $0 + (pow(2, Double($1.element)) - 1) / log2(Double($1.offset) + 2) }
        }
        let ideal = dcg(Array(relevant.values.sorted(by: >).prefix(10)))
        let ndcg = ideal > 0 ? dcg(top.map { relevant[$0] ?? 0 }) / ideal : 0
        let found = top.filter { (relevant[$0] ?? 0) > 0 }.count
        let recall = relevant.isEmpty ? 0 : Double(found) / Double(min(10, relevant.count))
        return (reciprocal, ndcg, recall)
    }
}
