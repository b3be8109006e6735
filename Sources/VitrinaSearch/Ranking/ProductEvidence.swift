import Foundation
import VitrinaIndex
import VitrinaModel
import VitrinaText
import VitrinaVoice

/// The product side of ranking: a candidate's title and structured fields analyzed with the same
/// chains as the query, and the features (``RankingFeature``) that compare them with it.
struct ProductEvidence {
    /// Forms per title word position, in order.
    private var title: [(position: Int, forms: [String], key: String?)]
    /// Every form of the title.
    private var titleForms: Set<String> = []
    /// Sound keys of the title's Latin words.
    private var titleKeys: Set<String> = []
    /// Forms of the brand, model, category path, parameters and codes.
    private var otherForms: Set<String> = []
    private var codes: [[Character]]
    private var colours: Set<String> = []
    private let product: Product
    private let language: Language

    init(_ product: Product, analyzers: QueryAnalyzers) {
        self.product = product
        language = product.indexedLanguage
        let preset: AnalyzerPreset = language == .be ? .be : .ru
        title = analyzers.forms(of: product.title ?? "", preset: preset)
        for word in title {
            titleForms.formUnion(word.forms)
            if let key = word.key { titleKeys.insert(key) }
            if let colour = Self.colour(of: word) { colours.insert(colour) }
        }
        let fields = [product.vendor, product.model, product.vendorCode, product.barcode].compactMap { $0 }
        let parameters = product.parameters.prefix(30).map(\.value)
        for (number, text) in (fields + product.categoryPath + parameters).enumerated() {
            let isParameter = number >= fields.count + product.categoryPath.count
            for word in analyzers.forms(of: text, preset: preset) {
                otherForms.formUnion(word.forms)
                if let key = word.key { titleKeys.insert(key) }
                if isParameter, let colour = Self.colour(of: word) { colours.insert(colour) }
            }
        }
        codes = CodeKeys.codes(
            of: [product.title, product.vendorCode, product.barcode, product.model].compactMap { $0 })
    }

    /// The colour a word of a title or parameter names, read from its normalized form (lowercased, `ё`
    /// folded).
    private static func colour(of word: (position: Int, forms: [String], key: String?)) -> String? {
        word.forms.last.flatMap(QueryParser.colour)
    }

    /// The features of this product for `query`.
    ///
    /// `bm25` is the candidate's share of the best score and `category` its category's share of the query's category distribution. `codeMatch` is the
    /// number of code characters matched; ``normalizeCodeMatches(_:)`` makes it a share of the best.
    func features(for query: QueryEvidence, bm25: Double, category: Double) -> [RankingFeature: Double] {
        var values: [RankingFeature: Double] = [.bm25: bm25, .category: category]
        let total = query.totalWeight
        var inTitle = 0.0
        var anywhere = 0.0
        var titleHits: [Bool] = []
        for term in query.terms {
            let titled =
                !term.forms.isDisjoint(with: titleForms) || (term.key.map { titleKeys.contains($0) } ?? false)
            let found = titled || !term.forms.isDisjoint(with: otherForms)
            titleHits.append(titled)
            if titled { inTitle += term.weight }
            if found { anywhere += term.weight }
        }
        values[.titleCoverage] = total > 0 ? inTitle / total : 0
        values[.coverage] = total > 0 ? anywhere / total : 0
        values[.adjacency] = adjacency(query)
        let matched = CodeKeys.matchedLength(codes, in: query.codeMaterial)
        values[.codeMatch] = Double(matched)
        values[.codeMiss] = query.hasCode && matched == 0 ? 1 : 0
        if let head = Self.head(of: title) {
            values[.headNoun] = head.contains(where: query.kindForms.contains) ? 1 : 0
        }
        if !query.vendors.isEmpty || !query.vendorKeys.isEmpty {
            let vendor = product.vendor?.lowercased()
            let matches =
                vendor.map { query.vendors.contains($0) } == true
                || !query.vendorKeys.isDisjoint(with: titleKeys)
                || query.vendors.contains { titleForms.contains($0) }
            values[.vendorMatch] = matches ? 1 : 0
            values[.vendorMiss] = !matches && vendor != nil ? 1 : 0
        }
        if !query.colours.isEmpty {
            let matches = !query.colours.isDisjoint(with: colours)
            values[.colourMatch] = matches ? 1 : 0
            values[.colourMiss] = !matches && !colours.isEmpty ? 1 : 0
        }
        values[.inStock] = product.available.map { $0 ? 1 : -1 } ?? 0
        values[.languageMatch] = language == query.language ? 1 : 0
        if let rating = product.rating, let reviews = product.reviewCount, reviews > 0 {
            values[.popularity] = min(1, rating / 5 * log(1 + Double(reviews)) / log(101))
        }
        return values
    }

    /// The forms of a title's head noun: its first word that is not an adjective («Зеркальный
    /// фотоаппарат Canon» → фотоаппарат), looking at most three words in.
    static func head(of title: [(position: Int, forms: [String], key: String?)]) -> [String]? {
        for word in title.prefix(3) {
            guard let normalized = word.forms.last else { continue }
            if !adjectiveEndings.contains(where: normalized.hasSuffix) { return word.forms }
        }
        return title.first?.forms
    }

    /// Endings of Russian and Belarusian adjectives in the nominative.
    private static let adjectiveEndings = [
        "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ы", "і", "ае", "ыя", "ія",
    ]

    /// Divides every candidate's matched code length by the longest one, so the best code match is 1.
    static func normalizeCodeMatches(_ candidates: inout [[RankingFeature: Double]]) {
        let longest = candidates.map { $0[.codeMatch] ?? 0 }.max() ?? 0
        guard longest > 0 else { return }
        for index in candidates.indices {
            candidates[index][.codeMatch] = (candidates[index][.codeMatch] ?? 0) / longest
        }
    }

    /// Share of adjacent query term pairs found next to each other, in order, in the title.
    private func adjacency(_ query: QueryEvidence) -> Double {
        guard query.terms.count >= 2, title.count >= 2 else { return 0 }
        // The query terms each title word is a form of, looked up once per title form.
        let matched = title.map { word in word.forms.reduce(UInt64(0)) { $0 | (query.termsByForm[$1] ?? 0) } }
        // Pairs of terms (bits i and i + 1) said next to each other that the title has next to each other.
        var adjacentPairs: UInt64 = 0
        for index in title.indices.dropLast() where title[index + 1].position == title[index].position + 1 {
            adjacentPairs |= matched[index] & (matched[index + 1] >> 1)
        }
        let pairs = min(query.terms.count, 64) - 1
        return Double(adjacentPairs.nonzeroBitCount) / Double(pairs)
    }
}
