import Testing

@testable import VitrinaIndex

@Suite("Top-k selection")
struct FirstSortedTests {
    @Test(arguments: [0, 1, 3, 10, 50, 200, 1_000])
    func agreesWithAFullSort(count: Int) {
        var state: UInt64 = 12_345
        let values = (0..<500).map { _ -> Int in
            state = state &* 6_364_136_223_846_793_005 &+ 1
            return Int(state >> 40) % 97
        }
        let pairs = values.enumerated().map { ($0.element, $0.offset) }
        let less: ((Int, Int), (Int, Int)) -> Bool = { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        let expected = Array(pairs.sorted(by: less).prefix(count))
        let actual = pairs.firstSorted(count, by: less)
        #expect(actual.map(\.1) == expected.map(\.1))
    }
}
