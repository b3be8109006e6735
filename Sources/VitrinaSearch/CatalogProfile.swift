import VitrinaIndex

/// What voice search needs to know about a catalog before it decides what a query's words may
/// filter on: its currencies, and which structured fields it actually fills.
///
/// A constraint becomes a hard filter only on a field the catalog carries for most of its products
/// (a shop that never says whether an offer is in stock cannot be filtered on stock).
struct CatalogProfile: Sendable {
    /// Currencies with their product counts, the most common first.
    let currencies: [(code: String, count: Int)]
    /// Products in the snapshot.
    let products: Int
    /// Share of products that say whether they are in stock.
    let availabilityCoverage: Double
    /// Share of products with an old price (so a discount can be known).
    let discountCoverage: Double
    /// The catalog's brands.
    let vendors: [String]
    /// Brands guessed from the titles of products without a vendor, with their product counts.
    let titleBrands: [(name: String, count: Int)]

    /// Reads the profile of `reader`'s snapshot (a match-all count with facets: one pass over the
    /// columns, done once per snapshot).
    init(reader: IndexReader) throws {
        let facets = try reader.search(
            SearchRequest(
                text: "", mode: .any, limit: 0, facets: ["currency", "available", "old_price", "title_brand"]))
        products = facets.total
        currencies = (facets.keywordFacets["currency"] ?? []).map { ($0.value, $0.count) }
        let denominator = Double(max(1, facets.total))
        let stock = facets.numericFacets["available"]?.buckets.reduce(0) { $0 + $1.count } ?? 0
        availabilityCoverage = Double(stock) / denominator
        let discounts = facets.numericFacets["old_price"]?.buckets.reduce(0) { $0 + $1.count } ?? 0
        discountCoverage = Double(discounts) / denominator
        vendors = reader.distinctValues(of: "vendor")
        titleBrands = (facets.keywordFacets["title_brand"] ?? []).map { ($0.value, $0.count) }
    }

    /// Whether a filter on stock would mean something: at least half the products say.
    var knowsAvailability: Bool { availabilityCoverage >= 0.5 }

    /// Whether discounts are known for a meaningful share of products.
    var knowsDiscounts: Bool { discountCoverage >= 0.02 }
}
