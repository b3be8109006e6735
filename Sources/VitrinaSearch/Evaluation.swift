import Foundation
import VitrinaIndex
import VitrinaVoice

/// One judged query: a JSONL line of a `Queries/` set or of the real-data sets (format in README).
///
/// Only `query` and `relevant` are required. A query without `class` belongs to the class `all`;
/// `expected` may label only some fields (a field that is absent is not scored, while `"price": null`
/// says that no price should be understood).
public struct JudgedQuery: Sendable, Decodable {
    /// The parse the query should get: only the fields its set could label.
    public struct Expected: Sendable, Decodable {
        /// Intent name, as in ``VoiceQuery/Intent``.
        public var intent: String?
        /// Sort name, as in ``VoiceQuery/Sort``.
        public var sort: String?
        /// Brands (compared without regard to case).
        public var vendor: [String]?
        /// Price range; `nil` with ``labelsPrice`` means that no price is said.
        public var price: VoiceQuery.PriceRange?
        /// Whether the line labels the price at all (the key is present, even as `null`).
        public var labelsPrice: Bool
        /// Canonical colours (compared without regard to case or `ё`).
        public var color: [String]?

        enum CodingKeys: String, CodingKey {
            case intent, sort, vendor, price, color
        }

        /// Reads the labelled fields; a missing key is a field the set does not label.
        ///
        /// - Throws: `DecodingError` when a present field has the wrong type.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            intent = try container.decodeIfPresent(String.self, forKey: .intent)
            sort = try container.decodeIfPresent(String.self, forKey: .sort)
            vendor = try container.decodeIfPresent([String].self, forKey: .vendor)
            labelsPrice = container.contains(.price)
            price = try container.decodeIfPresent(VoiceQuery.PriceRange.self, forKey: .price)
            color = try container.decodeIfPresent([String].self, forKey: .color)
        }
    }

    /// A stable id (real-data sets), if any.
    public var id: String?
    /// The query class (`known_item`, `category_price`, `cheapest`, `dearest`, `brand_kind`,
    /// `attribute`); `all` for sets without classes.
    public var queryClass: String
    /// The catalog the set was made for (`21vek`, `feeds`, `synthetic`), if any.
    public var catalog: String?
    /// `dev` or `test`, if the set is split.
    public var split: String?
    /// The query as spoken.
    public var query: String
    /// Its language, if labelled.
    public var language: String?
    /// The expected parse, if labelled.
    public var expected: Expected?
    /// Relevant product ids with grades (2 exact, 1 relevant).
    public var relevant: [String: Int]

    enum CodingKeys: String, CodingKey {
        case id, queryClass = "class", catalog, split, query, language, expected, relevant
    }

    /// Reads a judged query; `class` defaults to `all`.
    ///
    /// - Throws: `DecodingError` when `query` or `relevant` is missing or a field has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        queryClass = try container.decodeIfPresent(String.self, forKey: .queryClass) ?? "all"
        catalog = try container.decodeIfPresent(String.self, forKey: .catalog)
        split = try container.decodeIfPresent(String.self, forKey: .split)
        query = try container.decode(String.self, forKey: .query)
        language = try container.decodeIfPresent(String.self, forKey: .language)
        expected = try container.decodeIfPresent(Expected.self, forKey: .expected)
        relevant = try container.decode([String: Int].self, forKey: .relevant)
    }
}

/// Ranking quality over a query set (means over its queries).
public struct RankingMetrics: Sendable, Encodable, Equatable {
    /// Mean reciprocal rank of the first relevant hit within the first ten (MRR@10).
    public var mrr: Double
    /// Mean nDCG over the first ten hits (gain 2^grade − 1).
    public var ndcg10: Double
    /// Mean share of all relevant products that are among the first ten hits.
    public var recall10: Double
    /// Mean precision of the first ten hits; with fewer than ten relevant products, relevant hits
    /// divided by that number (so a perfect answer scores 1).
    public var precision10: Double
    /// Share of queries whose first hit is relevant.
    public var top1: Double

    /// The metric named `name` (`mrr`, `ndcg10`, `recall10`, `precision10`, `top1`).
    public func value(_ name: String) -> Double {
        switch name {
        case "mrr": mrr
        case "recall10": recall10
        case "precision10": precision10
        case "top1": top1
        default: ndcg10
        }
    }
}

/// What `vitrina eval` reports (JSON shape in README).
public struct EvaluationReport: Sendable, Encodable {
    /// One of the worst-ranked queries.
    public struct Worst: Sendable, Encodable {
        /// The query's id, when the set has ids.
        public var id: String?
        /// Its class.
        public var queryClass: String
        /// The query.
        public var query: String
        /// Its nDCG@10 with understanding.
        public var ndcg10: Double
        /// Its nDCG@10 as a plain any-word keyword query.
        public var keywordNdcg10: Double
        /// The parsed text.
        public var text: String
        /// What relaxation gave up.
        public var relaxed: [String]

        enum CodingKeys: String, CodingKey {
            case id, queryClass = "class", query, ndcg10, keywordNdcg10, text, relaxed
        }
    }

    /// The figures of one class (and split, when the set has splits).
    public struct ClassReport: Sendable, Encodable {
        /// The class.
        public var queryClass: String
        /// `dev`, `test`, or `nil` for unsplit sets.
        public var split: String?
        /// Queries in the group.
        public var queries: Int
        /// The class's headline metric (a ``RankingMetrics`` field name).
        public var metric: String
        /// Parse accuracy per labelled field, and `all`.
        public var parseAccuracy: [String: Double]
        /// How many queries label each field.
        public var parseLabelled: [String: Int]
        /// Ranking with query understanding (`ask`).
        public var voice: RankingMetrics
        /// Ranking of the same text as a plain any-word BM25F query (`search --any`).
        public var keyword: RankingMetrics

        enum CodingKeys: String, CodingKey {
            case queryClass = "class", split, queries, metric, parseAccuracy, parseLabelled, voice, keyword
        }
    }

    /// The JSON shape's version.
    public var version = 2
    /// Queries evaluated.
    public var queries: Int
    /// Share of queries whose parse matches the expectation, per labelled field and for all of them.
    public var parseAccuracy: [String: Double]
    /// How many queries label each field.
    public var parseLabelled: [String: Int]
    /// Ranking with query understanding (`ask`), over all queries.
    public var voice: RankingMetrics
    /// Ranking of the same text as a plain keyword query (any word, BM25F), over all queries.
    public var keyword: RankingMetrics
    /// Per class and split.
    public var classes: [ClassReport]
    /// The ten queries with the lowest nDCG@10.
    public var worst: [Worst]
}

/// Evaluates voice search against judged queries.
public enum Evaluation {
    /// The parse fields scored, in report order (`all` last).
    public static let parseFields = ["language", "intent", "sort", "vendor", "price", "color", "all"]

    /// Known classes in report order; others follow alphabetically.
    static let classOrder = ["known_item", "category_price", "cheapest", "dearest", "brand_kind", "attribute", "all"]

    /// The metric a class is judged by: MRR@10 for known items, P@10 for sets of relevant products,
    /// top-1 for cheapest and dearest, nDCG@10 otherwise.
    public static func headlineMetric(for queryClass: String) -> String {
        switch queryClass {
        case "known_item": "mrr"
        case "category_price", "brand_kind", "attribute": "precision10"
        case "cheapest", "dearest": "top1"
        default: "ndcg10"
        }
    }

    /// Runs every query through `search` (`ask`) and as a plain any-word query through `reader`.
    ///
    /// - Parameters:
    ///   - queries: The judged queries.
    ///   - search: Voice search over the index.
    ///   - reader: The same index, for the keyword comparison.
    /// - Returns: Overall, per-class and per-split figures and the worst queries.
    /// - Throws: ``IndexError`` when the index cannot be read.
    public static func run(_ queries: [JudgedQuery], search: VoiceSearch, reader: IndexReader) throws
        -> EvaluationReport
    {
        var outcomes: [Outcome] = []
        var rows: [EvaluationReport.Worst] = []
        for judged in queries {
            let result = try search.ask(judged.query, limit: 10)
            let plain = try reader.search(SearchRequest(text: judged.query, mode: .any, limit: 10))
            let outcome = Outcome(
                judged: judged, checks: parseChecks(result.parsed, judged),
                voice: scores(result.hits.map(\.id), judged.relevant),
                keyword: scores(plain.hits.map(\.id), judged.relevant))
            outcomes.append(outcome)
            rows.append(
                .init(
                    id: judged.id, queryClass: judged.queryClass, query: judged.query, ndcg10: outcome.voice.ndcg10,
                    keywordNdcg10: outcome.keyword.ndcg10, text: result.parsed.text,
                    relaxed: result.relaxed.map(\.description)))
        }
        let overall = summary(outcomes)
        var groups: [GroupKey: [Outcome]] = [:]
        for outcome in outcomes {
            groups[GroupKey(queryClass: outcome.judged.queryClass, split: outcome.judged.split), default: []]
                .append(outcome)
        }
        let classes = groups.keys.sorted(by: GroupKey.reportOrder).map { key in
            let group = summary(groups[key] ?? [])
            return EvaluationReport.ClassReport(
                queryClass: key.queryClass, split: key.split, queries: groups[key]?.count ?? 0,
                metric: headlineMetric(for: key.queryClass), parseAccuracy: group.accuracy,
                parseLabelled: group.labelled, voice: group.voice, keyword: group.keyword)
        }
        return EvaluationReport(
            queries: queries.count, parseAccuracy: overall.accuracy, parseLabelled: overall.labelled,
            voice: overall.voice, keyword: overall.keyword, classes: classes,
            worst: Array(rows.sorted { $0.ndcg10 < $1.ndcg10 }.prefix(10)))
    }

    /// One query's parse checks and ranking scores.
    struct Outcome {
        var judged: JudgedQuery
        var checks: [String: Bool]
        var voice: RankingMetrics
        var keyword: RankingMetrics
    }

    /// A class and split, ordered as reports list them.
    struct GroupKey: Hashable {
        var queryClass: String
        var split: String?

        static func reportOrder(_ a: GroupKey, _ b: GroupKey) -> Bool {
            let rank = { (key: GroupKey) in classOrder.firstIndex(of: key.queryClass) ?? classOrder.count }
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            if a.queryClass != b.queryClass { return a.queryClass < b.queryClass }
            return (a.split ?? "") < (b.split ?? "")
        }
    }

    /// Which labelled fields the parse got right (fields the query does not label are absent).
    static func parseChecks(_ parsed: VoiceQuery, _ judged: JudgedQuery) -> [String: Bool] {
        var checks: [String: Bool] = [:]
        if let language = judged.language { checks["language"] = parsed.language.rawValue == language }
        guard let expected = judged.expected else { return checks }
        if let intent = expected.intent { checks["intent"] = parsed.intent.rawValue == intent }
        if let sort = expected.sort { checks["sort"] = parsed.sort.rawValue == sort }
        if let vendor = expected.vendor { checks["vendor"] = folded(parsed.filters.vendor) == folded(vendor) }
        if expected.labelsPrice { checks["price"] = parsed.filters.price == expected.price }
        if let color = expected.color { checks["color"] = folded(parsed.filters.color) == folded(color) }
        return checks
    }

    /// Values compared as shoppers' words: case and `ё` do not matter.
    static func folded(_ values: [String]) -> Set<String> {
        Set(values.map { $0.lowercased().replacingOccurrences(of: "ё", with: "е") })
    }

    /// Parse accuracy and mean ranking metrics of a group of outcomes.
    static func summary(_ outcomes: [Outcome]) -> (
        accuracy: [String: Double], labelled: [String: Int], voice: RankingMetrics, keyword: RankingMetrics
    ) {
        var right: [String: Int] = [:]
        var labelled: [String: Int] = [:]
        for outcome in outcomes where !outcome.checks.isEmpty {
            for (field, ok) in outcome.checks {
                labelled[field, default: 0] += 1
                if ok { right[field, default: 0] += 1 }
            }
            labelled["all", default: 0] += 1
            if outcome.checks.values.allSatisfy({ $0 }) { right["all", default: 0] += 1 }
        }
        var accuracy: [String: Double] = [:]
        for (field, count) in labelled { accuracy[field] = Double(right[field] ?? 0) / Double(count) }
        return (accuracy, labelled, mean(outcomes.map(\.voice)), mean(outcomes.map(\.keyword)))
    }

    static func mean(_ values: [RankingMetrics]) -> RankingMetrics {
        let count = Double(max(1, values.count))
        return RankingMetrics(
            mrr: values.map(\.mrr).reduce(0, +) / count, ndcg10: values.map(\.ndcg10).reduce(0, +) / count,
            recall10: values.map(\.recall10).reduce(0, +) / count,
            precision10: values.map(\.precision10).reduce(0, +) / count,
            top1: values.map(\.top1).reduce(0, +) / count)
    }

    /// Reciprocal rank, nDCG@10, recall@10, P@10 and top-1 of one ranking.
    static func scores(_ ranking: [String], _ relevant: [String: Int]) -> RankingMetrics {
        let top = Array(ranking.prefix(10))
        let isRelevant = { (id: String) in (relevant[id] ?? 0) > 0 }
        let reciprocal = top.firstIndex(where: isRelevant).map { 1 / Double($0 + 1) } ?? 0
        func dcg(_ grades: [Int]) -> Double {
            grades.enumerated().reduce(0) { $0 + (pow(2, Double($1.element)) - 1) / log2(Double($1.offset) + 2) }
        }
        let ideal = dcg(Array(relevant.values.filter { $0 > 0 }.sorted(by: >).prefix(10)))
        let ndcg = ideal > 0 ? dcg(top.map { relevant[$0] ?? 0 }) / ideal : 0
        let found = Double(top.filter(isRelevant).count)
        let relevantCount = relevant.values.filter { $0 > 0 }.count
        let possible = Double(min(10, relevantCount))
        return RankingMetrics(
            mrr: reciprocal, ndcg10: ndcg, recall10: relevantCount > 0 ? found / Double(relevantCount) : 0,
            precision10: possible > 0 ? found / possible : 0, top1: top.first.map(isRelevant) == true ? 1 : 0)
    }
}
