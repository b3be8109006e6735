import Foundation
import Testing

@testable import VitrinaIndex

/// Indexes written in an older segment format keep opening, searching and taking new commits
/// (tantivy's `compat_tests_data`).
///
/// `Fixtures/index-v1` was written by the format-1 code (commit 7d356d5) from our own sample
/// catalogs: `Catalogs/krama-be.yml` (commit 1), `Catalogs/electronics-ru.jsonl` and
/// `Catalogs/krama-be.jsonl` (commit 2), then `ru-002` deleted (commit 3): two segments and a
/// deletion file. The expected scores are what that code returned.
@Suite struct FormatCompatibilityTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/index-v1").path

    /// A copy of the fixture in a temporary directory, for tests that write.
    private func copy() throws -> TemporaryIndex {
        let index = TemporaryIndex()
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: index.path)
        return index
    }

    @Test func formatOneIndexOpensAndSearches() throws {
        let reader = try IndexReader(path: Self.fixture)
        #expect(reader.documentCount == 117)
        #expect(reader.segments.map(\.reader.formatVersion) == [1, 1])

        let result = try reader.search(SearchRequest(text: "пыласос philips", limit: 5))
        #expect(result.total == 5)
        #expect(result.hits.map(\.id) == ["be-001", "kr-0051", "kr-0050", "kr-0052", "kr-0049"])
        let scores = result.hits.map { ($0.score * 10_000).rounded() / 10_000 }
        #expect(scores == [8.9629, 8.8411, 8.6797, 8.5031, 8.2364])

        let any = try reader.search(SearchRequest(text: "телевизор samsung", mode: .any, limit: 2))
        #expect(any.total == 17)
        #expect(any.hits.first?.id == "ru-001")
        #expect(any.hits.first.map { ($0.score * 10_000).rounded() / 10_000 } == 11.0524)

        var sorted = SearchRequest(text: "", limit: 3)
        sorted.filters = [.equals(field: "currency", value: "BYN")]
        sorted.sort = .ascending("price")
        let cheapest = try reader.search(sorted)
        #expect(cheapest.total == 108)
        #expect(cheapest.hits.map(\.id) == ["be-008", "be-005", "kr-0082"])
        #expect(cheapest.hits.map(\.product.price) == [45, 79, 130])
    }

    @Test func formatOneProductsAndFacetsAreWhole() throws {
        let reader = try IndexReader(path: Self.fixture)
        #expect(try reader.product(id: "ru-002") == nil)  // deleted in commit 3
        let product = try #require(try reader.product(id: "ru-001"))
        #expect(product.title == "Телевизор Samsung UE55CU7100 55\" 4K Smart TV")
        #expect(product.vendor == "Samsung")
        #expect(product.price == 42_990)
        #expect(product.description?.hasPrefix("Телевизор с экраном 55 дюймов") == true)

        var request = SearchRequest(text: "пыласос", limit: 1)
        request.facets = ["vendor", "price"]
        let result = try reader.search(request)
        #expect(result.total == 16)
        let vendors = Dictionary(
            uniqueKeysWithValues: (result.keywordFacets["vendor"] ?? []).map { ($0.value, $0.count) })
        #expect(vendors == ["Philips": 5, "Xiaomi": 5, "Dyson": 4, "Bosch": 2])
        #expect(result.numericFacets["price"]?.buckets.map(\.count) == [1, 7, 2, 6])
    }

    @Test func formatOneIndexTakesNewCommitsAndMerges() throws {
        let index = try copy()
        let writer = try IndexWriter(path: index.path)
        try writer.add(
            Product(
                id: "new-1", title: "Пыласос Philips новы", vendor: "Philips", categoryPath: ["Пыласосы"],
                price: 500, currency: "BYN", language: .be))
        try writer.delete(id: "kr-0051")
        // A third of the second segment deleted: the merge policy rewrites it (format 1 → current).
        for id in ["ru-003", "ru-004", "ru-005", "ru-006", "ru-007"] { try writer.delete(id: id) }
        let summary = try writer.commit()
        #expect(summary.merged == 1)
        #expect(summary.documents == 112)
        let reader = try IndexReader(path: index.path)
        #expect(reader.documentCount == 112)
        #expect(
            reader.segments.map(\.reader.formatVersion).sorted() == [1, SegmentFormat.version, SegmentFormat.version])
        let result = try reader.search(SearchRequest(text: "пыласос philips", limit: 10))
        #expect(result.total == 5)
        #expect(result.hits.map(\.id).contains("new-1"))
        #expect(!result.hits.map(\.id).contains("kr-0051"))
        let rewritten = try #require(try reader.product(id: "ru-001"))
        #expect(rewritten.description?.hasPrefix("Телевизор с экраном 55 дюймов") == true)
        #expect(try reader.product(id: "ru-004") == nil)
    }
}
