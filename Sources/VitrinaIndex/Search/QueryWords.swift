import VitrinaText

/// The words of a query, each with the terms it may appear as in the index.
///
/// The index stems each document with its own language's chain, so a query word is looked up
/// as its Russian stem, its Belarusian stem and its normalized form (the form neutral fields
/// such as brand and codes hold). Compound parts are not separate words: `робот-пылесос`
/// is one word.
struct QueryWords {
    /// Per word: the distinct terms.
    var words: [[String]]

    private static let analyzers = [AnyAnalyzer(preset: .ru), AnyAnalyzer(preset: .be)]

    init(_ text: String) throws {
        var byPosition: [Int: [String]] = [:]
        var order: [Int] = []
        for (index, analyzer) in Self.analyzers.enumerated() {
            for token in try analyzer.analyze(text) where !token.flags.contains(.part) {
                if byPosition[token.position] == nil {
                    order.append(token.position)
                    byPosition[token.position] = []
                }
                var terms = byPosition[token.position] ?? []
                if index == 0 && !terms.contains(token.normalized) { terms.append(token.normalized) }
                if !terms.contains(token.term) { terms.append(token.term) }
                byPosition[token.position] = terms
            }
        }
        words = order.map { byPosition[$0] ?? [] }
    }
}
