import Foundation
import Testing

@testable import VitrinaIndex

/// Synonym groups expand query words at query time, by stem, and reject what they cannot apply.
@Suite("Synonyms")
struct SynonymsTests {
    @Test func aWordOfAGroupMatchesTheOthersByStem() throws {
        let path = NSTemporaryDirectory() + "vitrina-synonyms-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try IndexWriter(path: path)
        try writer.add(Product(id: "tv", title: "Телевизор Samsung"))
        try writer.add(Product(id: "ph", title: "Смартфон Xiaomi"))
        try writer.commit()
        let reader = try IndexReader(path: path)
        let synonyms = try Synonyms(parsing: "телевизор, телик # ru\n\nсмартфон, мобильник\n", path: "s.txt")
        #expect(synonyms.groups == [["телевизор", "телик"], ["смартфон", "мобильник"]])
        for (text, expected) in [("телики", ["tv"]), ("мобильники xiaomi", ["ph"]), ("телик samsung", ["tv"])] {
            var request = SearchRequest(text: text)
            #expect(try reader.search(request).total == 0, "\(text) without synonyms")
            request.synonyms = synonyms
            #expect(try reader.search(request).hits.map(\.id) == expected, "\(text)")
        }
    }

    static let phrase = "тв, телик\n# comment\nстиральная машина, стиралка\n"

    @Test func badGroupsNameTheirLine() throws {
        #expect(throws: IndexError.self) { try Synonyms(groups: [["один"]]) }
        do {
            _ = try Synonyms(parsing: Self.phrase, path: "s.txt")
            Issue.record("a phrase was accepted")
        } catch let error as IndexError {
            let lineStart = "тв, телик\n# comment\n".utf8.count
            #expect(error.code == .malformed && error.path == "s.txt" && error.offset == lineStart)
            #expect(error.message.hasPrefix("line 3: \"стиральная машина\" is not one word"))
        }
        #expect(try Synonyms(parsing: "# nothing\n\n", path: "s.txt").groups.isEmpty)
    }
}
