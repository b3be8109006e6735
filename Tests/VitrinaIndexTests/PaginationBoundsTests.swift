import Testing

@testable import VitrinaIndex

/// `limit` and `offset` of any size are safe in the library (issue 12, finding 3: their sum
/// overflowed and trapped).
@Suite("Pagination bounds")
struct PaginationBoundsTests {
    @Test func extremeLimitsAndOffsetsNeverTrap() throws {
        let index = TemporaryIndex()
        let reader = try index.committed(SampleProducts.all)
        let everything = try reader.search(SearchRequest(text: "", limit: Int.max, offset: 0))
        #expect(everything.hits.count == 5 && everything.total == 5)
        #expect(try reader.search(SearchRequest(text: "", limit: Int.max, offset: Int.max)).hits.isEmpty)
        #expect(try reader.search(SearchRequest(text: "", limit: Int.max, offset: 3)).hits.count == 2)
        #expect(try reader.search(SearchRequest(text: "", limit: Int.min, offset: Int.min)).hits.isEmpty)
        let page = try reader.search(SearchRequest(text: "", limit: 2, offset: -5))
        #expect(page.hits.map(\.id) == Array(everything.hits.prefix(2)).map(\.id))
        let sorted = try reader.search(SearchRequest(text: "", sort: .descending("price"), limit: Int.max, offset: 4))
        #expect(sorted.hits.count == 1 && sorted.total == 5)
    }

    @Test func numericFacetsOfExtremeValuesNeverTrap() {
        let facet = IndexReader.numericFacet([-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude, 1])
        #expect(facet.buckets.count == 1 && facet.buckets[0].count == 3)
        #expect(IndexReader.numericFacet([-.infinity, 5]).buckets.count == 1)
    }
}
