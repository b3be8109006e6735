import Foundation
import Testing
import Vitrina

/// A storefront service passes results on as JSON (or caches them): search results and voice
/// results survive a round trip through `Codable`, and clients can build them for their tests.
@Suite("Results as JSON")
struct ResultCodingTests {
    @Test func searchAndVoiceResultsRoundTrip() throws {
        let path = NSTemporaryDirectory() + "vitrina-coding-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try IndexWriter(path: path)
        try writer.add(Product(id: "tv-1", title: "Телевизор Samsung 55", vendor: "Samsung", price: 24_990))
        try writer.add(Product(id: "tv-2", title: "Телевизор LG 43", vendor: "LG", price: 31_990, currency: "RUB"))
        try writer.commit()
        let reader = try IndexReader(path: path)
        var request = SearchRequest(text: "телевизор", facets: ["vendor", "price"])
        request.highlight = ("<em>", "</em>")
        let found = try reader.search(request)
        #expect(found.total == 2 && found.numericFacets["price"] != nil && found.keywordFacets["vendor"]?.count == 2)
        let decoded = try JSONDecoder().decode(SearchResult.self, from: JSONEncoder().encode(found))
        #expect(decoded == found)

        let asked = try VoiceSearch(reader: reader).ask("телевизор самсунг до тридцати тысяч", explain: "tv-1")
        #expect(asked.hits.first?.id == "tv-1" && asked.explanation?.isEmpty == false)
        let json = try JSONEncoder().encode(asked)
        #expect(try JSONDecoder().decode(VoiceSearch.Result.self, from: json) == asked)

        let built = VoiceSearch.Result(
            parsed: asked.parsed, total: 1, hits: [SearchResult.Hit(id: "x", score: 1, product: Product(id: "x"))],
            answer: "Нашла один товар.")
        #expect(built.hits.first?.product.id == "x" && built.relaxed.isEmpty && built.explanation == nil)
    }

    @Test func relaxationStepsKeepTheirTextForm() throws {
        let steps: [RelaxationStep] = [.filter(.price), .words(kept: 1, of: 3)]
        let json = String(decoding: try JSONEncoder().encode(steps), as: UTF8.self)
        #expect(json == #"["filter: price","words: 1 of 3"]"#)
        #expect(try JSONDecoder().decode([RelaxationStep].self, from: Data(json.utf8)) == steps)
        #expect(steps.map(\.description) == ["filter: price", "words: 1 of 3"])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([RelaxationStep].self, from: Data(#"["filter: colour"]"#.utf8))
        }
    }
}
