/// A search: words, filters, sort, page and facets.
public struct SearchRequest: Sendable {
    /// How query words must match.
    public enum Mode: String, Sendable, Codable {
        /// Every word must match (in any text field).
        case all
        /// At least one word must match; more matches rank higher.
        case any
    }

    /// A filter on a keyword or numeric field.
    public enum Filter: Sendable, Equatable {
        /// The keyword field holds this value (compared normalized: case-insensitive).
        case equals(field: String, value: String)
        /// The keyword field holds any of these values (compared normalized).
        case anyOf(field: String, values: [String])
        /// The numeric field is within the bounds (inclusive; `nil` = unbounded).
        case range(field: String, min: Double?, max: Double?)
    }

    /// The order of hits.
    public enum Sort: Sendable, Equatable {
        /// Best score first.
        case relevance
        /// By a numeric field, smallest first (documents without it last).
        case ascending(String)
        /// By a numeric field, largest first (documents without it last).
        case descending(String)
    }

    /// The query text; empty matches every document.
    ///
    /// Syntax: `+word` required, `-word` excluded, `"two words"` phrase, `prefix*` completion;
    /// see ``SearchRequest/Mode``.
    public var text: String
    /// How words must match.
    public var mode: Mode
    /// The fewest optional words a document must match in ``Mode/any``.
    ///
    /// As Elasticsearch's `minimum_should_match`; 0 and 1 both mean one. Words written `+word` are
    /// required anyway and do not count here.
    public var minimumShouldMatch: Int = 0
    /// Filters, all of which must hold.
    public var filters: [Filter]
    /// The order.
    public var sort: Sort
    /// Hits per page (a negative value counts as 0).
    public var limit: Int
    /// Hits to skip (a negative value counts as 0; past the last match the page is empty).
    ///
    /// Any `limit` and `offset` are safe: the page is computed within the match count.
    public var offset: Int
    /// Fields to count values of over the whole match set (keyword fields: counts per value;
    /// numeric fields: minimum, maximum and counts per range).
    public var facets: [String]
    /// Whether words may match terms one or two edits away (see the README's rule).
    public var typoTolerance: Bool
    /// Whether query words found next to each other in a title score higher.
    public var proximityBonus: Bool
    /// Whether hits carry highlighted title and description snippets; the marks to use.
    public var highlight: (open: String, close: String)?
    /// Whether hits carry whole products (description, parameters, category, codes, …).
    ///
    /// Set it to false for result lists and voice ranking: a hit's product then holds what a list
    /// shows and what voice ranking reads — id, title, vendor, model, vendor code, barcode,
    /// category path, price, old price, currency, availability, url, the first picture, rating,
    /// review count, the language the index analyzed it in (its own, else the detected one), and
    /// up to 30 parameters within 256 bytes (colour and size first) — read from small blocks,
    /// which is several times faster than decompressing whole products; description, the other
    /// parameters and pictures, dates and reviews stay empty. Highlights always read whole
    /// products; ``IndexReader/product(id:)`` returns one.
    public var wholeProducts = true
    /// Groups of words that match each other's terms (``Synonyms``; `nil`: none).
    public var synonyms: Synonyms?

    /// Creates a request.
    public init(
        text: String, mode: Mode = .all, filters: [Filter] = [], sort: Sort = .relevance, limit: Int = 10,
        offset: Int = 0, facets: [String] = [], typoTolerance: Bool = true, proximityBonus: Bool = true
    ) {
        self.text = text
        self.mode = mode
        self.filters = filters
        self.sort = sort
        self.limit = limit
        self.offset = offset
        self.facets = facets
        self.typoTolerance = typoTolerance
        self.proximityBonus = proximityBonus
    }
}
