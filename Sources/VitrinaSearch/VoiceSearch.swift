import Foundation
import VitrinaIndex
import VitrinaMentions
import VitrinaModel
import VitrinaText
import VitrinaVoice

/// Answers spoken queries from an index snapshot: understanding adds evidence and never deletes it.
///
/// 1. **Candidates from everything the shopper said about the product.** The parser removes only
///    wake words, fillers, the intent frame and the phrases that became constraints; every other
///    word — product kind, brand, colour, codes as said (`001234`) — is searched with BM25F over
///    all text fields, any word matching, at least half of them required.
/// 2. **Hard filters only for explicit, structural constraints**: a price with a cue or currency
///    (in the catalog's rouble when the shopper says «рублей»), stock when asked and the catalog
///    says it, discount when asked and the catalog has old prices. Brand, colour, category, size
///    and units are ranking features, never filters.
/// 3. **Query categorization from the catalog** (``QueryCategories``): the category distribution of
///    the best matches of the product-kind words; «cheapest/dearest X» orders only products that
///    are X (a confident category, and titles that start with the kind word when there are such).
/// 4. **Ranking as a combination of features** (``RankingFeature``, ``Ranker``) with fitted weights.
/// 5. **Relaxation as a last resort**, each step reported: discount, then stock, then the price
///    limit (then the cheapest or dearest are shown), then fewer required words.
///
/// ```swift
/// let search = try VoiceSearch(reader: try IndexReader(path: "shop.index"))
/// let result = try search.ask("где купить телевизор самсунг дешевле тридцати тысяч")
/// print(result.answer)
/// ```
public final class VoiceSearch: Sendable {
    /// What `ask` returns (`vitrina ask --json` prints a summary of it).
    public struct Result: Sendable, Codable, Equatable {
        /// The parsed query.
        public var parsed: VoiceQuery
        /// What was given up to find anything (`filter: price`, `words: 1 of 3`), in order.
        public var relaxed: [RelaxationStep]
        /// Matching products in all.
        public var total: Int
        /// The best hits.
        public var hits: [SearchResult.Hit]
        /// The sentence to read aloud.
        public var answer: String
        /// The categories the query was found to be about (confident ones), the likeliest first.
        public var categories: [String]
        /// For `explain`: the explained product's features and their contributions, when it was a
        /// candidate.
        public var explanation: [Ranker.Contribution]?

        /// Creates a result (for tests and for clients that decode or build their own).
        public init(
            parsed: VoiceQuery, relaxed: [RelaxationStep] = [], total: Int = 0, hits: [SearchResult.Hit] = [],
            answer: String = "", categories: [String] = [], explanation: [Ranker.Contribution]? = nil
        ) {
            self.parsed = parsed
            self.relaxed = relaxed
            self.total = total
            self.hits = hits
            self.answer = answer
            self.categories = categories
            self.explanation = explanation
        }
    }

    /// A candidate with its features, for fitting the ranker.
    package struct Candidate: Sendable {
        /// The product id.
        package var id: String
        /// Its features.
        package var features: [RankingFeature: Double]
    }

    private let reader: IndexReader
    private let parser: QueryParser
    private let answers: SpokenAnswer
    private let profile: CatalogProfile
    private let analyzers = QueryAnalyzers()
    private let ranker: Ranker
    private let mentions: MentionSummaries?
    private let synonyms: Synonyms?

    /// How many keyword candidates are reranked.
    static let candidateCount = 60
    /// Below this many matches, near misses (fewer of the words) are added to the candidates.
    static let nearMissThreshold = 20
    /// How many products of a kind a price or rating order looks at.
    static let orderedCount = 200

    /// Prepares voice search over `reader`'s snapshot.
    ///
    /// - Throws: ``ICUError`` when ICU lacks Russian or Belarusian rules, ``IndexError`` when the
    ///   index cannot be read.
    /// - Parameters:
    ///   - reader: The index snapshot.
    ///   - ranker: The ranking weights.
    ///   - mentions: What shoppers say about the products (``MentionSummaries``, written next to the
    ///     index by `vitrina mentions import --index`), for «что говорят о …» answers.
    ///   - synonyms: Word groups the candidate searches apply (``Synonyms``, stored next to the index
    ///     by `vitrina synonyms set`).
    public init(
        reader: IndexReader, ranker: Ranker = Ranker(), mentions: MentionSummaries? = nil, synonyms: Synonyms? = nil
    ) throws {
        self.reader = reader
        self.ranker = ranker
        self.mentions = mentions
        self.synonyms = synonyms
        profile = try CatalogProfile(reader: reader)
        parser = try QueryParser(vocabulary: IndexVocabulary(reader: reader, profile: profile))
        answers = try SpokenAnswer()
    }

    /// Answers `text`.
    ///
    /// - Parameters:
    ///   - text: What the speech recognizer heard.
    ///   - limit: Hits to return.
    ///   - explain: A product id whose ranking features to report in ``Result/explanation``.
    /// - Returns: The parse, the hits, what was relaxed and the sentence to say.
    /// - Throws: ``IndexError`` when the index cannot be read.
    public func ask(_ text: String, limit: Int = 10, explain: String? = nil) throws -> Result {
        let query = parser.parse(text)
        let evidence = QueryEvidence(query: query, reader: reader, analyzers: analyzers)
        var plan = HardFilters(query: query, profile: profile)
        let limit = max(0, min(limit, 1_000))
        let ordered: SearchRequest.Sort? = order(query.sort)
        var found =
            if let ordered {
                try orderedKind(query, evidence, plan: &plan, sort: ordered, limit: limit)
            } else {
                try ranked(query, evidence, plan: &plan, limit: limit, explain: explain)
            }
        // Candidates are ranked on their summaries (everything ranking reads); the hits returned are whole.
        found.hits = try found.hits.prefix(limit).map { hit in
            var hit = hit
            hit.product = try reader.product(id: hit.id) ?? hit.product
            return hit
        }
        let qualifiers = mentions == nil ? [] : ReviewQualifier.parse(text).qualifiers
        if let mentions, !qualifiers.isEmpty, query.sort == .relevance || query.sort == .rating {
            found.hits = Self.reviewOrdered(found.hits, qualifiers, mentions)
        }
        var answer = answer(query, found, relaxed: !plan.relaxed.isEmpty)
        if let mentions, let best = found.hits.first, let summary = mentions.summary(for: best.id) {
            let reasons = qualifiers.compactMap { $0.reason(summary, language: query.language) }
            if !reasons.isEmpty {
                answer +=
                    (query.language == .be ? " Па водгуках: " : " По отзывам: ") + reasons.joined(separator: "; ") + "."
            }
        }
        return Result(
            parsed: query, relaxed: plan.relaxed, total: found.total, hits: found.hits, answer: answer,
            categories: found.categories, explanation: found.explanation)
    }

    /// Hits reordered by what reviews say about the wishes in the query.
    ///
    /// The wishes: «тихий», «с хорошими отзывами», «не маломерит»; their words are still searched.
    /// The key: each hit's mean
    /// ``ReviewQualifier/score(_:)`` (0.5 without evidence) plus a prior for its rank (0.5 for the
    /// first, falling as 1/rank), so a product nobody reviewed keeps its place against one reviewed
    /// as mediocre, and a well-reviewed one rises over a few places, not over the whole list.
    /// Hand-set: no judged set asks for reviews yet.
    static func reviewOrdered(
        _ hits: [SearchResult.Hit], _ qualifiers: [ReviewQualifier], _ mentions: MentionSummaries
    ) -> [SearchResult.Hit] {
        let keyed = hits.enumerated().map { rank, hit in
            let scores =
                mentions.summary(for: hit.id).map { summary in qualifiers.compactMap { $0.score(summary) } } ?? []
            let review = scores.isEmpty ? 0.5 : scores.reduce(0, +) / Double(scores.count)
            return (hit: hit, key: review + 0.5 / Double(rank + 1), rank: rank)
        }
        return keyed.sorted { $0.key != $1.key ? $0.key > $1.key : $0.rank < $1.rank }.map(\.hit)
    }

    /// `request` asking for hit summaries only.
    private static func summaries(_ request: SearchRequest) -> SearchRequest {
        var request = request
        request.wholeProducts = false
        return request
    }

    /// The sentence to say: what shoppers say about the best hit for «что говорят о …», else the
    /// answer to the intent.
    private func answer(_ query: VoiceQuery, _ found: Found, relaxed: Bool) -> String {
        let best = found.hits.first?.product
        if query.intent == .reviews, let best, found.total > 0, !relaxed {
            return mentions?.answer(for: best.id, title: best.title, language: query.language)
                ?? answers.noReviews(best, language: query.language)
        }
        return answers.answer(query, total: found.total, best: best, relaxed: relaxed)
    }

    /// The candidates of `text` with their features, best first, for fitting the ranker.
    ///
    /// - Throws: ``IndexError`` when the index cannot be read.
    package func candidates(_ text: String) throws -> [Candidate] {
        let query = parser.parse(text)
        let evidence = QueryEvidence(query: query, reader: reader, analyzers: analyzers)
        var plan = HardFilters(query: query, profile: profile)
        let (result, categories) = try candidateSearch(query, evidence, plan: &plan)
        let features = features(of: result.hits, evidence, categories)
        return zip(result.hits, features).map { Candidate(id: $0.id, features: $1) }
    }

    /// The features of each hit (in order) for the query.
    private func features(of hits: [SearchResult.Hit], _ evidence: QueryEvidence, _ categories: QueryCategories)
        -> [[RankingFeature: Double]]
    {
        let best = hits.first?.score ?? 0
        var features = hits.map { hit in
            ProductEvidence(hit.product, analyzers: analyzers).features(
                for: evidence, bm25: best > 0 ? hit.score / best : 0,
                category: categories.share(of: hit.product.categoryPath))
        }
        ProductEvidence.normalizeCodeMatches(&features)
        return features
    }

    // MARK: - Relevance

    private struct Found {
        var total: Int
        var hits: [SearchResult.Hit]
        var categories: [String]
        var explanation: [Ranker.Contribution]?
    }

    /// Keyword candidates reranked by their features.
    private func ranked(
        _ query: VoiceQuery, _ evidence: QueryEvidence, plan: inout HardFilters, limit: Int, explain: String?
    ) throws -> Found {
        let (result, categories) = try candidateSearch(query, evidence, plan: &plan)
        var explanation: [Ranker.Contribution]?
        let scored = zip(result.hits, features(of: result.hits, evidence, categories)).map {
            hit, features -> (hit: SearchResult.Hit, score: Double) in
            if hit.id == explain { explanation = ranker.explain(features) }
            var ranked = hit
            ranked.score = ranker.score(features)
            return (ranked, ranked.score)
        }
        let hits = scored.enumerated().sorted {
            $0.element.score != $1.element.score ? $0.element.score > $1.element.score : $0.offset < $1.offset
        }.map(\.element.hit)
        return Found(total: result.total, hits: hits, categories: categories.confident, explanation: explanation)
    }

    /// The any-word search of everything said, with the hard filters, relaxed until it finds
    /// something; and the query's categories.
    private func candidateSearch(_ query: VoiceQuery, _ evidence: QueryEvidence, plan: inout HardFilters) throws
        -> (SearchResult, QueryCategories)
    {
        // Every word of a short query, at least half of a longer one (spoken queries carry words that
        // are not in the catalog); words the catalog does not have at all cannot count.
        let words = max(1, evidence.knownCount)
        let required = words <= 2 ? words : (words + 1) / 2
        // Pieces of a spoken code joined («sl 86 006 e» → sl86, 006e, …) meet codes the index holds whole.
        let joins = CodeKeys.joins(of: query.words.filter { $0.role != .unit }.map(\.text))
        let text = ([query.text] + joins).joined(separator: " ")
        var request = SearchRequest(text: text, mode: .any, filters: plan.filters, limit: Self.candidateCount)
        request.wholeProducts = false
        request.synonyms = synonyms
        // Relaxation. A longer query gives up required words before a filter: it carries words that are
        // not about the product. In a query of one or two words each word is essential: filters go first.
        var found: SearchResult?
        let levels = words <= 2 ? Array(Set([required, 1])).sorted(by: >) : [required]
        search: for minimum in levels {
            var trial = plan
            repeat {
                request.filters = trial.filters
                for fewer in (words <= 2 ? [minimum] : Array(Set([minimum, 1])).sorted(by: >)) {
                    request.minimumShouldMatch = fewer
                    let result = try reader.search(request)
                    guard result.total > 0 else { continue }
                    if fewer < required { trial.relaxed.append(.words(kept: fewer, of: words)) }
                    found = result
                    break
                }
                if found != nil {
                    plan = trial
                    break search
                }
            } while trial.relaxNext()
        }
        var result = try found ?? reader.search(request)
        // Near misses after the matches: a short list is topped up with products that have fewer of
        // the words (other colours of the kettle asked for), ranked by the same features.
        if result.hits.count < Self.nearMissThreshold, request.minimumShouldMatch > 1 {
            request.minimumShouldMatch = 1
            let seen = Set(result.hits.map(\.id))
            let more = try reader.search(request).hits.filter { !seen.contains($0.id) }
            result.hits += more.prefix(Self.candidateCount - result.hits.count)
        }
        // Categories from the product-kind words alone when other words (brands, codes) would bias them.
        let kindOnly = !evidence.kindText.isEmpty && evidence.kindText != query.text
        let voters =
            kindOnly
            ? try reader.search(
                Self.summaries(
                    SearchRequest(
                        text: evidence.kindText, mode: .any, filters: plan.filters, limit: QueryCategories.voters,
                        proximityBonus: false))
            ).hits : result.hits
        return (result, QueryCategories(hits: voters))
    }

    // MARK: - Orders

    /// The index order a spoken order asks for, when the catalog has the field; `nil` for relevance.
    private func order(_ sort: VoiceQuery.Sort) -> SearchRequest.Sort? {
        switch sort {
        case .relevance: return nil
        case .priceAscending: return .ascending("price")
        case .priceDescending: return .descending("price")
        case .newest: return .descending("added_at")
        case .rating: return .descending("rating")
        }
    }

    /// «самый дешёвый X»: the products that are X, in the order asked for.
    ///
    /// Being X: a title headed by a kind word, in any category (a filter for a coffee maker is headed by
    /// «фильтр»); only when no title is, the products of the kind words' confident categories.
    private func orderedKind(
        _ query: VoiceQuery, _ evidence: QueryEvidence, plan: inout HardFilters, sort: SearchRequest.Sort, limit: Int
    ) throws -> Found {
        let (candidates, categories) = try candidateSearch(query, evidence, plan: &plan)
        let kind = evidence.kindText.isEmpty ? query.text : evidence.kindText
        let confident = categories.confident
        // The products whose titles are headed by the kind, in whatever category («самая дорогая стойка»:
        // a TV stand as well as a flower stand); else the kind's confident categories.
        var request = SearchRequest(
            text: kind, mode: .all, filters: plan.filters, sort: sort, limit: Self.orderedCount,
            facets: ["currency"], proximityBonus: false)
        request.wholeProducts = false
        request.synonyms = synonyms
        var result = try reader.search(request)
        if confident.isEmpty ? result.total == 0 : !result.hits.contains(where: { isHeaded($0, by: evidence) }) {
            if !confident.isEmpty { request.filters.append(.anyOf(field: "category", values: confident)) }
            request.mode = .any
            result = try reader.search(request)
        }
        // Prices in different currencies do not compare: when the products of the kind have several,
        // a price order keeps to the query language's rouble if they have it, else to their most common.
        let currencies = (result.keywordFacets["currency"] ?? []).map(\.value)
        if sort == .ascending("price") || sort == .descending("price"), currencies.count > 1 {
            let rouble = query.filters.price?.currency ?? (query.language == .be ? "BYN" : "RUB")
            let currency = currencies.contains(rouble) ? rouble : currencies[0]
            request.filters.append(.equals(field: "currency", value: currency))
            result = try reader.search(request)
        }
        guard result.total > 0 else {
            return Found(total: candidates.total, hits: candidates.hits, categories: confident, explanation: nil)
        }
        let headed = result.hits.filter { isHeaded($0, by: evidence) }
        var kept = headed.isEmpty ? result.hits : headed
        // A brand, colour or code said narrows the kind when some products have it.
        if !evidence.vendors.isEmpty || !evidence.vendorKeys.isEmpty || !evidence.colours.isEmpty || evidence.hasCode {
            let narrowed = kept.filter { hit in
                let features = ProductEvidence(hit.product, analyzers: analyzers).features(
                    for: evidence, bm25: 0, category: 0)
                return (features[.vendorMiss] ?? 0) == 0 && (features[.colourMiss] ?? 0) == 0
                    && (features[.codeMiss] ?? 0) == 0
                    && (evidence.vendors.isEmpty && evidence.vendorKeys.isEmpty || features[.vendorMatch] == 1)
            }
            if !narrowed.isEmpty { kept = narrowed }
        }
        let priced = kept.filter { $0.product.price != nil }
        // The list holds at most `orderedCount`: when every product in it is of the kind (and no brand,
        // colour or code narrowed it), the kind has as many as the search found, not just those listed.
        let whole = (headed.isEmpty || headed.count == result.hits.count) && kept.count == result.hits.count
        return Found(
            total: whole ? result.total : kept.count, hits: priced.isEmpty ? kept : priced,
            categories: confident, explanation: nil)
    }

    /// Whether the title of `hit` is headed by a kind word of the query.
    private func isHeaded(_ hit: SearchResult.Hit, by evidence: QueryEvidence) -> Bool {
        let title = analyzers.forms(of: hit.product.title ?? "", preset: hit.product.indexedLanguage == .be ? .be : .ru)
        return ProductEvidence.head(of: title)?.contains(where: evidence.kindForms.contains) == true
    }
}

/// The hard filters of a query, in the order relaxation gives them up, with what was given up.
struct HardFilters {
    private var pieces: [(name: RelaxationStep.Filter, filters: [SearchRequest.Filter])]
    /// What was given up, in order.
    var relaxed: [RelaxationStep] = []

    init(query: VoiceQuery, profile: CatalogProfile) {
        var pieces: [(RelaxationStep.Filter, [SearchRequest.Filter])] = []
        let wanted = query.filters
        if wanted.discount == true, profile.knowsDiscounts {
            pieces.append((.discount, [.range(field: "discount", min: 1, max: nil)]))
        }
        // A question whether something is in stock is answered about it, not about something else.
        if wanted.available == true, profile.knowsAvailability, query.intent != .availability {
            pieces.append((.available, [.range(field: "available", min: 1, max: 1)]))
        }
        if let price = wanted.price, price.min != nil || price.max != nil {
            var filters: [SearchRequest.Filter] = [.range(field: "price", min: price.min, max: price.max)]
            if let currency = price.currency, profile.currencies.count > 1 {
                filters.append(.equals(field: "currency", value: currency))
            }
            pieces.append((.price, filters))
        }
        self.pieces = pieces
    }

    /// The filters still in force.
    var filters: [SearchRequest.Filter] { pieces.flatMap(\.filters) }

    /// Gives up the next filter; `false` when none is left.
    mutating func relaxNext() -> Bool {
        guard !pieces.isEmpty else { return false }
        relaxed.append(.filter(pieces.removeFirst().name))
        return true
    }
}
