import Testing

@testable import VitrinaIndex

@Suite("Segment merging")
struct MergeTests {
    @Test func policyMergesFullTiersAndHeavilyDeletedSegments() {
        let policy = MergePolicy(mergeFactor: 3, maximumDeletedRatio: 0.3)
        let small = (0..<4).map { MergePolicy.Candidate(name: "s\($0)", documents: 2, deleted: 0) }
        #expect(policy.merges(small) == [["s0", "s1", "s2"]])
        let large = MergePolicy.Candidate(name: "big", documents: 100, deleted: 50)
        #expect(policy.merges([large]) == [["big"]])
        #expect(policy.merges([MergePolicy.Candidate(name: "ok", documents: 100, deleted: 10)]).isEmpty)
    }

    @Test func manySmallCommitsStayFewSegmentsAndKeepEveryDocument() throws {
        let index = TemporaryIndex()
        let writer = try IndexWriter(path: index.path, mergePolicy: MergePolicy(mergeFactor: 3))
        var merged = 0
        for number in 0..<30 {
            try writer.add(Product(id: "p\(number)", title: "Чайник номер \(number)", price: Double(number)))
            if number % 4 == 0 { try writer.delete(id: "p\(number / 2)") }
            merged += try writer.commit().merged
        }
        let reader = try IndexReader(path: index.path)
        #expect(merged > 0)
        #expect(reader.segments.count <= 6)
        let deletedIds = Set(stride(from: 0, to: 30, by: 4).map { "p\($0 / 2)" })
        let expected = Set((0..<30).map { "p\($0)" }).subtracting(deletedIds)
        let all = try reader.search(SearchRequest(text: "чайник", limit: 100))
        #expect(Set(all.hits.map(\.id)) == expected)
        #expect(reader.stats().deleted <= reader.stats().documents)
    }

    @Test func rewritingAHeavilyDeletedSegmentPurgesIt() throws {
        let index = TemporaryIndex()
        let writer = try IndexWriter(path: index.path)
        for number in 0..<10 { try writer.add(Product(id: "p\(number)", title: "Утюг \(number)")) }
        try writer.commit()
        for number in 0..<5 { try writer.delete(id: "p\(number)") }
        let summary = try writer.commit()
        #expect(summary.merged == 1)
        let stats = try IndexReader(path: index.path).stats()
        #expect(stats.deleted == 0 && stats.documents == 5)
    }
}
