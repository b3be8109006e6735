import Foundation
import Testing

@testable import VitrinaIndex

/// Indexing threads change how products are spread over segments, never what is found.
@Suite("Indexing threads")
struct IndexingThreadsTests {
    /// `count` varied ru/be products, with repeated ids (updates) and a few deletions among them.
    static func products(_ count: Int) -> [Product] {
        let nouns = ["телевизор", "смартфон", "пылесос", "чайник", "ноутбук", "тэлевізар", "пыласос", "навушнікі"]
        let brands = ["Samsung", "Xiaomi", "Bosch", "Philips", "Atlant", "Horizont"]
        let words = [
            "новый", "чёрный", "белый", "мощный", "тихий", "для дома", "з гарантыяй", "128гб", "робот-пылесос",
        ]
        var state: UInt64 = 11
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
        return (0..<count).map { number in
            let noun = nouns[random(nouns.count)]
            let brand = brands[random(brands.count)]
            let text = (0..<(3 + random(30))).map { _ in words[random(words.count)] }.joined(separator: " ")
            return Product(
                id: "p\(number % (count - count / 10))", title: "\(noun) \(brand) \(words[random(words.count)])",
                vendor: brand, categoryPath: ["Каталог", noun], description: "\(noun) \(text)",
                parameters: [Product.Parameter(name: "Цвет", value: words[random(3)])],
                price: Double(100 + random(100_000)), currency: random(2) == 0 ? "RUB" : "BYN",
                available: random(3) != 0)
        }
    }

    /// Indexes `products` with `threads` threads and a small buffer (many segments), deleting
    /// every 50th id after adding.
    static func index(
        _ products: [Product], threads: Int, merges: Bool, at path: String
    ) throws -> IndexWriter.CommitSummary {
        let policy = merges ? MergePolicy(mergeFactor: 2) : MergePolicy(mergeFactor: 1_000, maximumDeletedRatio: 1)
        let writer = try IndexWriter(path: path, bufferBytes: 1 << 20, mergePolicy: policy, threads: threads)
        for (number, product) in products.enumerated() {
            try writer.add(product)
            if number % 50 == 49 { try writer.delete(id: "p\(number / 2)") }
            if number == products.count / 2 {
                // Reading back a product added a moment ago, wherever it is now.
                #expect(try writer.product(id: product.id) == product)
            }
        }
        return try writer.commit()
    }

    /// Without merges (many segments) and with merges at commit (built by the threads side by side).
    @Test(arguments: [false, true])
    func oneAndTwoThreadsFindTheSameProducts(merges: Bool) throws {
        let products = Self.products(4_000)
        let one = TemporaryIndex()
        let two = TemporaryIndex()
        let first = try Self.index(products, threads: 1, merges: merges, at: one.path)
        let second = try Self.index(products, threads: 2, merges: merges, at: two.path)
        #expect(first.documents == second.documents)
        #expect((first.added, first.updated, first.deleted) == (second.added, second.updated, second.deleted))
        if merges {
            #expect(second.merged > 0)
        } else {
            #expect(second.segments > 1)
        }
        let readers = (try IndexReader(path: one.path), try IndexReader(path: two.path))
        for text in [
            "телевизор", "samsung пылесос", "чёрный тихий", "тэлевізар з гарантыяй", "128 гб", "робот пылесос",
        ] {
            for mode in [SearchRequest.Mode.all, .any] {
                var request = SearchRequest(text: text, mode: mode)
                request.limit = 10_000
                let (a, b) = (try readers.0.search(request), try readers.1.search(request))
                #expect(a.total == b.total, "\(text)")
                // The same products with the same scores (ties may come in another order). With merges,
                // which segments merge differs between runs, and deleted documents count in BM25's
                // statistics until a merge purges them (as in Lucene and tantivy): scores then agree to
                // a small relative difference, not to the last digit.
                #expect(a.hits.map(\.id).sorted() == b.hits.map(\.id).sorted(), "\(text)")
                let scores = Dictionary(b.hits.map { ($0.id, $0.score) }, uniquingKeysWith: max)
                let tolerance = merges ? 0.02 : 1e-9
                let differing = a.hits.filter { hit in
                    guard let other = scores[hit.id] else { return true }
                    return abs(hit.score - other) > tolerance * max(abs(hit.score), 1e-9)
                }
                #expect(differing.isEmpty, "\(text): \(differing.prefix(3).map(\.id))")
            }
        }
    }
}
