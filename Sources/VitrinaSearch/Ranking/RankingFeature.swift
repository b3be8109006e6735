/// One piece of evidence that a candidate is what the shopper asked for; ``Ranker`` combines them
/// linearly with weights fitted on a development set (`Queries/tools/fit_ranker.py`).
///
/// Every feature is computed from the query (``QueryEvidence``) and one candidate product
/// (``ProductEvidence``); values lie in 0…1 (−1…1 for stock).
public enum RankingFeature: String, Sendable, Codable, CaseIterable {
    /// The candidate's BM25F score over all text fields, divided by the best candidate's.
    case bm25
    /// IDF-weighted share of the query's words found in the title (stems, either language, or the
    /// sound key of a name).
    case titleCoverage
    /// IDF-weighted share of the query's words found anywhere in the title, brand, model, category
    /// path, parameters or codes.
    case coverage
    /// Share of adjacent query word pairs that are adjacent, in order, in the title.
    case adjacency
    /// The query holds a code (article, model number) that the product has exactly, joined or split
    /// as it may be (`rx 570` = `RX570`).
    case codeMatch
    /// The query holds a code and the product has none of its codes.
    case codeMiss
    /// The title starts with a product-kind word of the query (Russian titles name the kind first:
    /// «Кофеварка капельная …», not «Фильтр для кофеварки»).
    case headNoun
    /// Share of the query's category distribution (``QueryCategories``) held by the product's category.
    case category
    /// The query names a brand and the product is of it (vendor, title or model, either script).
    case vendorMatch
    /// The query names a brand and the product's vendor is another one.
    case vendorMiss
    /// The query names a colour the product has (title or parameters).
    case colourMatch
    /// The query names a colour and the product states another one.
    case colourMiss
    /// The product's language is the query's (a Belarusian question in a shop of both languages
    /// prefers the Belarusian offers).
    case languageMatch
    /// 1 in stock, −1 out of stock, 0 unknown.
    case inStock
    /// Rating × review count, saturating: `rating / 5 × log(1 + reviews) / log(101)`.
    case popularity
}
