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

    /// Issue 12, finding 6: blank ids, negative/absurd prices and repeated ids were accepted (the
    /// repeat silently replaced the first product); a Windows-1251 line is read, with a warning.
    @Test func blankIDsBadPricesRepeatsAndEncodingsAreReported() throws {
        let kettle: [UInt8] = [0xD7, 0xE0, 0xE9, 0xED, 0xB3, 0xEA]
        let lines: [[UInt8]] = [
            Array(#"{"id": "", "title": "x"}"#.utf8),
            Array(#"{"id": "a", "price": -3}"#.utf8),
            Array(#"{"id": "b", "price": 1e300}"#.utf8),
            Array(#"{"id": "c", "title": "Первый"}"#.utf8),
            Array(#"{"id": "c", "title": "Второй"}"#.utf8),
            Array(#"{"id": "c", "deleted": true}"#.utf8),
            Array(#"{"id": "c", "title": "Третий"}"#.utf8),
            Array(#"{"id": "d", "title": ""#.utf8) + kettle + Array(#""}"#.utf8),
            Array(#"{"id": "e", "title": }"#.utf8),
        ]
        let file = try TemporaryFile(Array(lines.joined(separator: [0x0A])), name: "feed.jsonl")
        var reader = try JSONLProductReader(path: file.path)
        var items: [CatalogItem] = []
        while let item = try reader.next() { items.append(item) }
        let problems = items.compactMap { if case .skipped(let problem) = $0 { problem } else { nil } }
        #expect(problems.map(\.location.line) == [1, 2, 3, 5, 9])
        #expect(problems.map(\.field) == ["id", "price", "price", "id", nil])
        guard problems.count == 5 else { return }
        #expect(problems[3].code == .duplicateID && problems[3].message.contains("line 4"))
        #expect(problems[4].message == "not valid JSON: expected a value" && problems[4].location.column == 22)
        let titles = items.compactMap { if case .entry(.product(let product), _) = $0 { product.title } else { nil } }
        #expect(titles == ["Первый", "Третий", "Чайнік"])
        let warnings = items.compactMap { if case .warning(let problem) = $0 { problem } else { nil } }
        #expect(warnings.map(\.location.line) == [8])
    }
}
