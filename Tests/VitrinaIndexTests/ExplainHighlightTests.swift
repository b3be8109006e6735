import Testing
import VitrinaText

@testable import VitrinaIndex

@Suite("Explain and highlight")
struct ExplainHighlightTests {
    let index = TemporaryIndex()
    let reader: IndexReader

    init() throws {
        reader = try index.committed(SampleProducts.all)
    }

    /// Sums the leaves one level down: a node's value is the sum of its parts.
    private func checkSums(_ explanation: Explanation) {
        #expect(abs(explanation.details.reduce(0) { $0 + $1.value } - explanation.value) < 1e-9)
    }

    @Test func explanationAddsUpToTheScore() throws {
        let request = SearchRequest(text: "телевизор samsung")
        let hit = try #require(try reader.search(request).hits.first)
        let explanation = try #require(try reader.explain(request, id: hit.id))
        #expect(abs(explanation.value - hit.score) < 1e-9)
        checkSums(explanation)
        #expect(explanation.details.contains { $0.description.hasPrefix("proximity") })
        for clause in explanation.details where !clause.details.isEmpty {
            #expect(clause.details.allSatisfy { $0.description.hasPrefix("field ") })
        }
        #expect(try reader.explain(request, id: "vc-2") == nil)  // does not match
        #expect(try reader.explain(request, id: "missing") == nil)
    }

    @Test func highlightsMarkInflectedMatchesAndKeepTheText() throws {
        var request = SearchRequest(text: "телевизоры")
        request.highlight = ("<", ">")
        let result = try reader.search(request)
        let tv = try #require(result.hits.first { $0.id == "tv-1" })
        #expect(tv.highlights["title"] == "<Телевизор> Samsung 55 дюймов")
        #expect(tv.highlights["description"] == "Большой <телевизор> с ярким экраном")
    }

    @Test func noHighlightsUnlessAsked() throws {
        let result = try reader.search(SearchRequest(text: "телевизор"))
        #expect(result.hits.allSatisfy { $0.highlights.isEmpty })
    }

    @Test func longTextsGiveASnippetAroundTheMatch() throws {
        let highlighter = Highlighter(terms: ["пылесос"], open: "[", close: "]")
        let text =
            String(repeating: "очень длинное описание товара ", count: 20) + "пылесос"
            + String(repeating: " и ещё текст", count: 30)
        let snippet = try #require(try highlighter.highlight(text, analyzer: .init(preset: .ru), maximumLength: 80))
        #expect(snippet.hasPrefix("…") && snippet.hasSuffix("…"))
        #expect(snippet.contains("[пылесос]"))
        #expect(snippet.count <= 84)
    }

    @Test func stopWordsAreOptionalUnlessRequired() throws {
        #expect(try reader.search(SearchRequest(text: "пылесос с уборкой")).total == 1)
        #expect(try reader.search(SearchRequest(text: "пылесос +для")).total == 0)
    }
}
