import Testing
import VitrinaModel

@testable import VitrinaCatalog

@Suite("JSONL product reader")
struct JSONLProductReaderTests {
    @Test func readsProductsDeletionsAndReportsBadLines() throws {
        let text = """
            {"id": "tv-1", "title": "Телевизор", "price": 100}

            {"id": "tv-2", "deleted": true}
            {"id": "tv-3", "price": "дорого"}
            {"title": "без id"}
            not json
            {"id": "tv-4", "category": "Электроника > ТВ"}
            """
        let file = try TemporaryFile([0xEF, 0xBB, 0xBF] + Array(text.utf8), name: "feed.jsonl")
        var reader = try JSONLProductReader(path: file.path)
        var items: [CatalogItem] = []
        while let item = try reader.next() { items.append(item) }
        #expect(items.count == 6)
        #expect(
            items[0]
                == .entry(
                    .product(Product(id: "tv-1", title: "Телевизор", price: 100)), .init(file: file.path, line: 1)))
        #expect(items[1] == .entry(.deletion(id: "tv-2"), .init(file: file.path, line: 3)))
        guard case .skipped(let badPrice) = items[2], case .skipped(let noID) = items[3],
            case .skipped(let notJSON) = items[4]
        else {
            Issue.record("expected three skipped lines, got \(items[2...4])")
            return
        }
        #expect(badPrice.location.line == 4 && badPrice.field == "price" && badPrice.recordID == "tv-3")
        #expect(noID.location.line == 5 && noID.field == "id")
        #expect(notJSON.location.line == 6 && notJSON.message.hasPrefix("not valid JSON"))
        #expect(
            items[5]
                == .entry(
                    .product(Product(id: "tv-4", categoryPath: ["Электроника", "ТВ"])), .init(file: file.path, line: 7))
        )
        #expect(reader.bytesRead == text.utf8.count + 3)
    }
}
