import Testing

@testable import VitrinaIndex

@Suite("Typo corrections kept per snapshot")
struct TypoCorrectionsTests {
    @Test func aRepeatedTypoGivesTheSameHitsAsAFreshReader() throws {
        let index = TemporaryIndex()
        let reader = try index.committed(SampleProducts.all)
        let request = SearchRequest(text: "телевизар самсунк", mode: .any)
        let first = try reader.search(request)
        #expect(reader.typoCorrections.count > 0)
        #expect(first.hits.contains { $0.id == "tv-1" })
        let again = try reader.search(request)
        let fresh = try IndexReader(path: index.path).search(request)
        for other in [again, fresh] {
            #expect(other.hits.map(\.id) == first.hits.map(\.id))
            #expect(other.hits.map(\.score) == first.hits.map(\.score))
        }
    }

    @Test func theCacheStartsOverWhenFull() {
        let cache = TypoCorrections()
        for number in 0..<(TypoCorrections.capacity + 1) {
            _ = cache.corrections(field: 0, term: "слово\(number)") { [ExpandedTerm(term: "x", boost: 0.6)] }
        }
        #expect(cache.count == 1)
        var calls = 0
        let kept = cache.corrections(field: 0, term: "слово\(TypoCorrections.capacity)") {
            calls += 1
            return []
        }
        #expect(calls == 0 && kept == [ExpandedTerm(term: "x", boost: 0.6)])
    }
}
