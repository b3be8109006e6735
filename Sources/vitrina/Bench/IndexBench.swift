import Foundation
import VitrinaIndex
import VitrinaSynthetic

/// Indexing and query figures for `vitrina bench`: products built from the benchmark texts.
struct IndexBench {
    /// What was measured.
    struct Figures: Encodable {
        var products: Int
        var indexSeconds: Double
        var productsPerSecond: Double
        var indexBytes: Int
        var rawTextBytes: Int
        var queries: [QueryFigures]
    }

    /// Latency of one kind of query.
    struct QueryFigures: Encodable {
        var kind: String
        var count: Int
        var p50Microseconds: Double
        var p99Microseconds: Double
        var averageHits: Double
    }

    /// Indexes `count` synthetic products (``CatalogGenerator``, seed 1: titles plus 30–200-word
    /// descriptions, 20% Belarusian) into a temporary directory, then times queries made of words
    /// taken from the titles.
    static func run(count: Int, bufferBytes: Int = 64 << 20) throws -> Figures {
        let directory = NSTemporaryDirectory() + "vitrina-bench-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var generator = CatalogGenerator(seed: 1)
        let products = (0..<count).map { generator.product(number: $0) }
        let texts = products.map { $0.title ?? "" }
        let start = ContinuousClock.now
        let writer = try IndexWriter(path: directory, bufferBytes: bufferBytes)
        for product in products { try writer.add(product) }
        try writer.commit()
        let seconds = start.duration(to: .now).inSeconds
        let reader = try IndexReader(path: directory)
        let stats = reader.stats()

        // Queries: words from titles, deterministic.
        let words = texts.prefix(5_000).map { $0.split(separator: " ").map(String.init).filter { $0.count > 3 } }
        var queries: [QueryFigures] = []
        for (kind, wordCount, filtered, sorted) in [
            ("1 word", 1, false, false), ("2 words", 2, false, false), ("3 words", 3, false, false),
            ("2 words, any", 2, false, false), ("1 word + price filter", 1, true, false),
            ("1 word sorted by price", 1, false, true),
        ] {
            var latencies: [Double] = []
            var hits = 0
            for (index, titleWords) in words.enumerated() where titleWords.count >= wordCount {
                if latencies.count >= 300 { break }
                let text = titleWords.prefix(wordCount).joined(separator: " ")
                var request = SearchRequest(text: text, mode: kind.hasSuffix("any") ? .any : .all)
                if filtered { request.filters = [.range(field: "price", min: nil, max: 1_000)] }
                if sorted { request.sort = .ascending("price") }
                _ = index
                let begin = ContinuousClock.now
                let result = try reader.search(request)
                latencies.append(begin.duration(to: .now).inSeconds * 1e6)
                hits += result.total
            }
            latencies.sort()
            guard !latencies.isEmpty else { continue }
            queries.append(
                QueryFigures(
                    kind: kind, count: latencies.count, p50Microseconds: latencies[latencies.count / 2],
                    p99Microseconds: latencies[min(latencies.count - 1, latencies.count * 99 / 100)],
                    averageHits: Double(hits) / Double(latencies.count)))
        }
        return Figures(
            products: products.count, indexSeconds: seconds, productsPerSecond: Double(products.count) / seconds,
            indexBytes: stats.bytes.values.reduce(0, +),
            rawTextBytes: products.reduce(0) { $0 + ($1.title?.utf8.count ?? 0) + ($1.description?.utf8.count ?? 0) },
            queries: queries)
    }

}
