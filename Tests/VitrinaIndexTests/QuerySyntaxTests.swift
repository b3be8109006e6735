import Testing

@testable import VitrinaIndex

@Suite("Query syntax, typos and proximity")
struct QuerySyntaxTests {
    let index = TemporaryIndex()
    let reader: IndexReader

    init() throws {
        reader = try index.committed(
            SampleProducts.all + [
                Product(id: "tv-3", title: "Samsung кронштейн для телевизора", vendor: "Samsung", price: 1_990)
            ])
    }

    private func ids(_ text: String, mode: SearchRequest.Mode = .all, typos: Bool = true) throws -> [String] {
        try reader.search(SearchRequest(text: text, mode: mode, limit: 50, typoTolerance: typos)).hits.map(\.id)
    }

    @Test func excludedWords() throws {
        #expect(Set(try ids("samsung -смартфон")) == ["tv-1", "tv-3"])
        #expect(Set(try ids("-samsung")) == ["tv-2", "vc-1", "vc-2"])
    }

    @Test func requiredWordsInAnyMode() throws {
        #expect(Set(try ids("+xiaomi телевизор", mode: .any)) == ["tv-2", "vc-1"])
        #expect(try ids("+xiaomi телевизор", mode: .any).first == "tv-2")
    }

    @Test func phrasesNeedOrderAndAdjacency() throws {
        #expect(try ids("\"телевизор samsung\"") == ["tv-1"])
        #expect(try ids("\"samsung телевизор\"").isEmpty)
        #expect(try ids("«влажной уборкой»") == ["vc-1"])
    }

    @Test func prefixesComplete() throws {
        #expect(Set(try ids("телеви*")) == ["tv-1", "tv-2", "tv-3"])
        #expect(Set(try ids("смартф*")) == ["ph-1"])
        #expect(try ids("zzz*").isEmpty)
    }

    @Test func typosAreToleratedByLength() throws {
        #expect(Set(try ids("телевизр")) == ["tv-1", "tv-2", "tv-3"])  // 8 letters, one edit
        #expect(try ids("телевизр", typos: false).isEmpty)
        #expect(Set(try ids("dysin")) == ["vc-2"])  // 5 letters, one edit
        #expect(try ids("dysun").count == 1)
        #expect(try ids("dsyxn").isEmpty)  // three edits
        #expect(try ids("sony").isEmpty)  // no such brand; nothing within one edit of it
    }

    @Test func wordsFoundAsTypedAreNotCorrected() throws {
        let writer = try IndexWriter(path: index.path)
        try writer.add(Product(id: "x1", title: "чайник"))
        try writer.add(Product(id: "x2", title: "чайнек"))
        try writer.commit()
        let fresh = try reader.reopen()
        #expect(try fresh.search(SearchRequest(text: "чайник")).hits.map(\.id) == ["x1"])
        #expect(try fresh.search(SearchRequest(text: "чайнек")).hits.map(\.id) == ["x2"])
        #expect(Set(try fresh.search(SearchRequest(text: "чайнак")).hits.map(\.id)) == ["x1", "x2"])
    }

    @Test func adjacentWordsInTitleScoreHigher() throws {
        // Both contain "телевизор" and "samsung"; only tv-1 has them next to each other.
        let with = try reader.search(SearchRequest(text: "телевизор samsung"))
        let without = try reader.search(SearchRequest(text: "телевизор samsung", proximityBonus: false))
        let bonus =
            (with.hits.first { $0.id == "tv-1" }?.score ?? 0) - (without.hits.first { $0.id == "tv-1" }?.score ?? 0)
        #expect(bonus > 0)
        #expect(with.hits.first?.id == "tv-1")
    }
}
