import Foundation
import Testing

@testable import VitrinaCatalog

@Suite("Social reader")
struct SocialReaderTests {
    static func read(_ text: String, name: String) throws -> [CatalogItem] {
        let file = try TemporaryFile(text, name: name)
        var reader = try SocialReader(path: file.path)
        var items: [CatalogItem] = []
        while let item = try reader.next() { items.append(item) }
        return items
    }

    static func socials(_ items: [CatalogItem]) -> [SocialItem] {
        items.compactMap { if case .entry(.social(let item), _) = $0 { item } else { nil } }
    }

    @Test func readsJSONLReviewsAndPosts() throws {
        let items = try Self.read(
            """
            {"product_id": "k1", "text": "Кипит быстро", "rating": 5, "author": "Анна", "date": "2026-09-21T10:00:00Z"}
            {"kind": "post", "url": "https://shop/p/1", "text": "Скидки!", "likes": 40, "reposts": "3", "date": 1790000000}
            {"sku": "X", "stars": "4"}
            {"text": "Ни о чём"}
            [1, 2]
            """, name: "reviews.jsonl")
        let socials = Self.socials(items)
        #expect(socials.count == 2)
        #expect(socials[0].kind == .review && socials[0].rating == 5 && socials[0].product.id == "k1")
        #expect(socials[0].date == 1_789_984_800)
        #expect(socials[1].kind == .post && socials[1].likes == 40 && socials[1].reposts == 3)
        #expect(socials[1].product.url == "https://shop/p/1")
        let problems = YMLReaderTests.skipped(items)
        #expect(problems.map(\.location.line) == [3, 4, 5])
        #expect(problems.map(\.field) == ["text", "product_id", nil])
    }

    @Test func readsCSVReviewsWithQuotedNewlines() throws {
        let items = try Self.read(
            "sku;text;mark;date\nTWK-1;\"Хороший,\nтихий\";5;2026-09-21\n;Нет ссылки;3;\n", name: "reviews.csv")
        let socials = Self.socials(items)
        #expect(socials.map(\.text) == ["Хороший,\nтихий"])
        #expect(socials.first?.product.sku == "TWK-1" && socials.first?.rating == 5)
        #expect(socials.first?.date == 1_789_948_800)
        #expect(YMLReaderTests.skipped(items).map(\.location.line) == [4])
    }

    /// The real Wildberries reviews: every row becomes an item or is reported.
    @Test(.enabled(if: SharedData.directory != nil, "needs ../shared/data"))
    func realReviewsAccountForEveryRow() throws {
        let path = (SharedData.directory ?? "") + "/wb-reviews-sample/sample_data.csv"
        var reader = try SocialReader(path: path)
        var counts = (items: 0, skipped: 0, rated: 0, named: 0)
        while let item = try reader.next() {
            switch item {
            case .entry(.social(let social), _):
                counts.items += 1
                if social.rating != nil { counts.rated += 1 }
                if social.product.title != nil { counts.named += 1 }
            default: counts.skipped += 1
            }
        }
        #expect(counts.items + counts.skipped == 500)  // PROVENANCE.md: 500 reviews
        #expect(counts.items == counts.rated && counts.items == counts.named)
        #expect(counts.items >= 490)
    }
}
