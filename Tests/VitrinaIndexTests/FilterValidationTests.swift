import Testing

@testable import VitrinaIndex

@Suite("Filter validation")
struct FilterValidationTests {
    let index = TemporaryIndex()
    let reader: IndexReader

    init() throws {
        reader = try index.committed(SampleProducts.all)
    }

    /// Issue 12, finding 6: `price<nan` matched every product (NaN compares false with everything).
    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteRangeBoundsAreRefused(bound: Double) throws {
        for filter in [
            SearchRequest.Filter.range(field: "price", min: nil, max: bound),
            .range(field: "price", min: bound, max: nil),
        ] {
            #expect {
                _ = try reader.search(SearchRequest(text: "", filters: [filter]))
            } throws: { error in
                (error as? IndexError)?.code == .badRequest && "\(error)".contains("finite")
            }
        }
    }
}
