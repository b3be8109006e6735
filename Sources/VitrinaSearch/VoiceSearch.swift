import Foundation
import VitrinaIndex
import VitrinaModel
import VitrinaText
import VitrinaVoice

/// Answers spoken queries from an index snapshot: parse, search with the query's filters and
/// order, relax when nothing matches, and say the answer.
///
/// A product-kind word that names a catalog category in any form («телевизоры», «пылесосов»,
/// «тэлевізар») becomes a category filter instead of a search word, so it finds that kind of
/// product rather than any title mentioning it. When nothing matches, the least informative
/// word (the one most products contain) is dropped, one at a time, then filters (colour, size,
/// discount, stock, price, category, brand), and each step is reported, as Algolia's
/// `removeWordsIfNoResults` does.
///
/// ```swift
/// let search = try VoiceSearch(reader: try IndexReader(path: "shop.index"))
/// let result = try search.ask("где купить телевизор самсунг дешевле тридцати тысяч")
/// print(result.answer)
/// ```
public final class VoiceSearch: Sendable {
    /// What `ask` returns; its JSON is the output of `vitrina ask --json`.
    public struct Result: Sendable {
        /// The parsed query.
        public var parsed: VoiceQuery
        /// What was given up to find anything (`word: робот`, `filter: color`), in order.
        public var relaxed: [String]
        /// Matching products in all.
        public var total: Int
        /// The best hits.
        public var hits: [SearchResult.Hit]
        /// The sentence to read aloud.
        public var answer: String
        /// The category filter a product-kind word became, if any.
        public var categories: [String]
    }

    private let reader: IndexReader
    private let parser: QueryParser
    private let answers: SpokenAnswer
    /// Stem of a category name word (ru and be stems) → full category paths.
    private let categoriesByStem: [String: Set<String>]
    /// The currencies of the catalog.
    private let currencies: Set<String>

    /// Prepares voice search over `reader`'s snapshot.
    ///
    /// - Throws: ``ICUError`` when ICU lacks Russian or Belarusian rules.
    public init(reader: IndexReader) throws {
        self.reader = reader
        parser = try QueryParser(vocabulary: IndexVocabulary(reader: reader))
        answers = try SpokenAnswer()
        var map: [String: Set<String>] = [:]
        for path in reader.distinctValues(of: "category") {
            guard let leaf = path.components(separatedBy: " > ").last else { continue }
            for word in leaf.lowercased().split(whereSeparator: { !$0.isLetter }) {
                for stem in Self.stems(String(word)) { map[stem, default: []].insert(path) }
            }
        }
        categoriesByStem = map
        currencies = Set(reader.distinctValues(of: "currency"))
    }

    /// Answers `text`.
    ///
    /// - Throws: ``IndexError`` when the index cannot be read.
    public func ask(_ text: String, limit: Int = 10) throws -> Result {
        let query = parser.parse(text)
        var words = query.text.split(separator: " ").map(String.init)
        // Product-kind words → category filter (the intersection when several words name categories).
        var categories: Set<String>?
        var kept: [String] = []
        for word in words {
            let paths = Self.stems(word).compactMap { categoriesByStem[$0] }.reduce(into: Set<String>()) {
                $0.formUnion($1)
            }
            if paths.isEmpty {
                kept.append(word)
            } else {
                let narrowed = categories.map { $0.intersection(paths) } ?? paths
                categories = narrowed.isEmpty ? categories?.union(paths) : narrowed
            }
        }
        words = kept
        // The same kind of product in shops of both languages: keep the query language's ones.
        if let found = categories {
            let sameLanguage = found.filter { LanguageDetector().detect($0) == query.language }
            if !sameLanguage.isEmpty { categories = sameLanguage }
        }
        var filters = Self.filters(query, categories: categories.map { Array($0).sorted() })
        // Prices in different currencies do not compare: a price order keeps to the query's currency.
        if query.filters.price == nil, query.sort == .priceAscending || query.sort == .priceDescending {
            let currency = query.language == .be ? "BYN" : "RUB"
            if currencies.contains(currency) {
                filters.insert(
                    NamedFilter(name: "currency", filter: .equals(field: "currency", value: currency)), at: 0)
            }
        }
        var relaxed: [String] = []
        var pieces = Self.pieces(words)
        var result = try search(pieces, filters: filters, query: query, limit: limit)
        while result.total == 0 {
            if pieces.count > 1 || (pieces.count == 1 && !filters.isEmpty) {
                let dropped = try blockingPiece(pieces, filters: filters, query: query)
                relaxed.append("word: \(pieces[dropped])")
                pieces.remove(at: dropped)
            } else if let index = filters.indices.first {
                relaxed.append("filter: \(filters[index].name)")
                filters.remove(at: index)
            } else {
                break
            }
            result = try search(pieces, filters: filters, query: query, limit: limit)
        }
        return Result(
            parsed: query, relaxed: relaxed, total: result.total, hits: result.hits,
            answer: answers.answer(
                query, total: result.total, best: result.hits.first?.product, relaxed: !relaxed.isEmpty),
            categories: categories.map { Array($0).sorted() } ?? [])
    }

    // MARK: - Pieces

    /// A filter with the name relaxation reports.
    private struct NamedFilter {
        var name: String
        var filter: SearchRequest.Filter
    }

    /// The query's filters in the order relaxation gives them up.
    private static func filters(_ query: VoiceQuery, categories: [String]?) -> [NamedFilter] {
        var filters: [NamedFilter] = []
        let wanted = query.filters
        if !wanted.color.isEmpty {
            let values = wanted.color.flatMap { colour in
                (colourForms[colour] ?? [colour]).flatMap { form in ["Цвет", "Колер", "Color"].map { "\($0)=\(form)" } }
            }
            filters.append(NamedFilter(name: "color", filter: .anyOf(field: "param", values: values)))
        }
        if let size = wanted.size {
            filters.append(
                NamedFilter(
                    name: "size",
                    filter: .anyOf(field: "param", values: ["Размер", "Памер", "Size"].map { "\($0)=\(size)" })))
        }
        if wanted.discount == true {
            filters.append(NamedFilter(name: "discount", filter: .range(field: "discount", min: 1, max: nil)))
        }
        if wanted.available == true {
            filters.append(NamedFilter(name: "available", filter: .range(field: "available", min: 1, max: 1)))
        }
        if let price = wanted.price {
            filters.append(NamedFilter(name: "price", filter: .range(field: "price", min: price.min, max: price.max)))
            if let currency = price.currency {
                filters.append(NamedFilter(name: "currency", filter: .equals(field: "currency", value: currency)))
            }
        }
        if let categories, !categories.isEmpty {
            filters.append(NamedFilter(name: "category", filter: .anyOf(field: "category", values: categories)))
        }
        if !wanted.vendor.isEmpty {
            filters.append(NamedFilter(name: "vendor", filter: .anyOf(field: "vendor", values: wanted.vendor)))
        }
        return filters
    }

    private func search(_ words: [String], filters: [NamedFilter], query: VoiceQuery, limit: Int) throws -> SearchResult
    {
        var request = SearchRequest(text: words.joined(separator: " "), filters: filters.map(\.filter), limit: limit)
        switch query.sort {
        case .relevance: request.sort = .relevance
        case .priceAscending: request.sort = .ascending("price")
        case .priceDescending: request.sort = .descending("price")
        case .newest: request.sort = .descending("added_at")
        case .rating: request.sort = .descending("rating")
        }
        return try reader.search(request)
    }

    /// The search words, with a number and its unit (`128 гб`) kept together as one piece.
    static func pieces(_ words: [String]) -> [String] {
        var pieces: [String] = []
        for word in words {
            if let last = pieces.last, last.allSatisfy(\.isNumber), word.first?.isLetter == true, word.count <= 5,
                Lexicon.isUnit(word)
            {
                pieces[pieces.count - 1] = last + " " + word
            } else {
                pieces.append(word)
            }
        }
        return pieces
    }

    /// The piece whose removal brings back the most matches (the one blocking the query); the
    /// most common piece when no single removal helps.
    private func blockingPiece(_ pieces: [String], filters: [NamedFilter], query: VoiceQuery) throws -> Int {
        var best = (index: pieces.count - 1, total: 0)
        for index in pieces.indices {
            var rest = pieces
            rest.remove(at: index)
            let total = try search(rest, filters: filters, query: query, limit: 0).total
            if total > best.total { best = (index, total) }
        }
        if best.total > 0 { return best.index }
        var common = (index: pieces.count - 1, total: -1)
        for (index, piece) in pieces.enumerated() {
            let total = try reader.search(SearchRequest(text: piece, limit: 0)).total
            if total > common.total { common = (index, total) }
        }
        return common.index
    }

    private static let russian = RussianStemmer()
    private static let belarusian = BelarusianStemmer()

    /// The ru and be stems of a lowercase word.
    static func stems(_ word: String) -> Set<String> {
        let folded = word.replacingOccurrences(of: "ё", with: "е")
        return [russian.stem(folded), belarusian.stem(folded)]
    }

    /// Parameter values a canonical colour may have in ru and be catalogs.
    static let colourForms: [String: [String]] = [
        "чёрный": ["чёрный", "черный", "чорны"], "белый": ["белый", "белы"], "красный": ["красный", "чырвоны"],
        "синий": ["синий", "сіні"], "голубой": ["голубой", "блакітны"], "зелёный": ["зелёный", "зеленый", "зялёны"],
        "серый": ["серый", "шэры"], "серебристый": ["серебристый", "срэбны"], "бежевый": ["бежевый", "бэжавы"],
        "розовый": ["розовый", "ружовы"], "жёлтый": ["жёлтый", "желтый", "жоўты"], "золотой": ["золотой", "залаты"],
        "фиолетовый": ["фиолетовый", "фіялетавы"], "оранжевый": ["оранжевый", "аранжавы"],
        "коричневый": ["коричневый", "карычневы"], "бирюзовый": ["бирюзовый", "бірузовы"],
    ]
}
