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

@Suite("Merge size cap")
struct MergeCapTests {
    @Test func mergesNeverExceedTheCap() {
        let policy = MergePolicy(mergeFactor: 10, maximumMergedDocuments: 100_000)
        let segments = (0..<26).map { MergePolicy.Candidate(name: "s\($0)", documents: 19_000, deleted: 0) }
        let groups = policy.merges(segments)
        #expect(groups.count == 5)
        #expect(groups.allSatisfy { $0.count == 5 })  // 5 × 19,000 = 95,000 ≤ 100,000
        #expect(Set(groups.joined()).count == 25)
        // Under the cap the tiers behave as before: ten of a tier merge, the rest wait.
        let small = (0..<12).map { MergePolicy.Candidate(name: "t\($0)", documents: 50, deleted: 0) }
        #expect(policy.merges(small).map(\.count) == [10])
        // A segment at the cap is never merged again (unless rewritten for deletions).
        let big = [MergePolicy.Candidate(name: "big", documents: 100_000, deleted: 40_000)]
        #expect(policy.merges(big) == [["big"]])
    }
}
