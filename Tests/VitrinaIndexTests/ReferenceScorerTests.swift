import Foundation
import Testing
import VitrinaText

@testable import VitrinaIndex

/// Compares the index with a brute-force BM25F computed straight from the documents, over
/// random small corpora (seeded, so failures reproduce).
@Suite("BM25F against a brute-force reference")
struct ReferenceScorerTests {
    /// A deterministic generator (SplitMix64).
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let vocabulary = [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
    ]

    /// BM25F as documented on `IndexReader.search`, over title (weight 3), description (0.5) and
    /// sounds (1: the distinct sound keys of the title's Latin words); a query word is looked up as
    /// itself and by its sound key.
    static func referenceScores(_ products: [Product], query: [String], schema: Schema) -> [String: Double] {
        func words(_ text: String?) -> [String] { (text ?? "").split(separator: " ").map(String.init) }
        let fields: [(String, Double, (Product) -> [String])] = [
            ("title", 3, { words($0.title) }),
            ("description", 0.5, { words($0.description) }),
            (
                "sounds", 1,
                { product in
                    var keys: [String] = []
                    for word in words(product.title) {
                        if let key = SoundKey.key(word).map(SoundKey.term), !keys.contains(key) { keys.append(key) }
                    }
                    return keys
                }
            ),
        ]
        let n = Double(products.count)
        let averages = fields.map { field in
            max(1, Double(products.reduce(0) { $0 + field.2($1).count }) / n)
        }
        var scores: [String: Double] = [:]
        for word in query {
            let terms = Set([word] + [SoundKey.key(word).map(SoundKey.term)].compactMap { $0 })
            var df = 0
            for field in fields {
                for term in terms { df = max(df, products.filter { field.2($0).contains(term) }.count) }
            }
            let idf = log(1 + (n - Double(df) + 0.5) / (Double(df) + 0.5))
            for product in products {
                var tf = 0.0
                for (index, field) in fields.enumerated() {
                    let fieldTerms = field.2(product)
                    let frequency = Double(fieldTerms.filter { terms.contains($0) }.count)
                    tf += field.1 * frequency / (1 - schema.b + schema.b * Double(fieldTerms.count) / averages[index])
                }
                guard tf > 0 else { continue }
                scores[product.id, default: 0] += idf * tf * (schema.k1 + 1) / (schema.k1 + tf)
            }
        }
        return scores
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func indexAgreesWithReference(seed: Int) throws {
        var random = Random(state: UInt64(seed))
        let count = 20 + random.below(60)
        var products: [Product] = []
        for number in 0..<count {
            let title = (0..<(1 + random.below(5))).map { _ in Self.vocabulary[random.below(Self.vocabulary.count)] }
            let description = (0..<random.below(12)).map { _ in Self.vocabulary[random.below(Self.vocabulary.count)] }
            products.append(
                Product(
                    id: "d\(number)", title: title.joined(separator: " "),
                    description: description.isEmpty ? nil : description.joined(separator: " "), language: .other))
        }
        let index = TemporaryIndex()
        let writer = try IndexWriter(path: index.path)
        // Several commits, so scores must combine statistics across segments.
        for (position, product) in products.enumerated() {
            try writer.add(product)
            if position % 25 == 24 { try writer.commit() }
        }
        try writer.commit()
        let reader = try IndexReader(path: index.path)
        for _ in 0..<5 {
            let query = (0..<(1 + random.below(3))).map { _ in Self.vocabulary[random.below(Self.vocabulary.count)] }
            let expected = Self.referenceScores(products, query: query, schema: reader.schema)
            let result = try reader.search(
                SearchRequest(
                    text: query.joined(separator: " "), mode: .any, limit: 1_000, typoTolerance: false,
                    proximityBonus: false))
            #expect(result.total == expected.count, "query \(query)")
            for hit in result.hits {
                let reference = try #require(expected[hit.id])
                #expect(abs(hit.score - reference) < 1e-9, "\(hit.id) for \(query): \(hit.score) vs \(reference)")
            }
            // Ranking: scores never increase down the list.
            #expect(zip(result.hits, result.hits.dropFirst()).allSatisfy { $0.score >= $1.score })
        }
    }

    /// Pruned top-k (block-max bounds, windows skipped) must be exactly the brute-force top-k,
    /// over corpora large enough for several 128-document blocks and windows per term.
    @Test(arguments: [11, 12, 13, 14])
    func prunedTopHitsAgreeWithReference(seed: Int) throws {
        var random = Random(state: UInt64(seed))
        let count = 4_500 + random.below(1_500)
        var products: [Product] = []
        for number in 0..<count {
            // Skewed word choice: frequent words make long lists, rare ones short lists.
            func word() -> String { Self.vocabulary[min(random.below(10), random.below(10))] }
            let title = (0..<(1 + random.below(6))).map { _ in word() }
            let description = (0..<random.below(30)).map { _ in word() }
            products.append(
                Product(
                    id: "d\(number)", title: title.joined(separator: " "),
                    description: description.isEmpty ? nil : description.joined(separator: " "), language: .other))
        }
        let index = TemporaryIndex()
        let writer = try IndexWriter(path: index.path)
        for (position, product) in products.enumerated() {
            try writer.add(product)
            if position == count / 3 { try writer.commit() }
        }
        try writer.commit()
        let reader = try IndexReader(path: index.path)
        for _ in 0..<6 {
            let query = (0..<(1 + random.below(4))).map { _ in Self.vocabulary[random.below(Self.vocabulary.count)] }
            let expected = Self.referenceScores(products, query: query, schema: reader.schema)
            let limit = [1, 3, 10, 25][random.below(4)]
            let result = try reader.search(
                SearchRequest(
                    text: query.joined(separator: " "), mode: .any, limit: limit, typoTolerance: false,
                    proximityBonus: false))
            #expect(result.total == expected.count, "query \(query)")
            let best = expected.values.sorted(by: >).prefix(limit)
            #expect(result.hits.count == best.count)
            for (hit, score) in zip(result.hits, best) {
                #expect(abs(hit.score - score) < 1e-9, "\(hit.id) for \(query): \(hit.score) vs \(score)")
                #expect(abs((expected[hit.id] ?? -1) - hit.score) < 1e-9)
            }
        }
    }
}
