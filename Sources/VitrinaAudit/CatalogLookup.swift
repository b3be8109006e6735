import VitrinaModel

/// Where the catalog cross-check finds the feed's product for an audited page.
///
/// The audit knows no index: the `Vitrina` module makes an index reader a lookup
/// (`IndexCatalogLookup`), tests use a dictionary.
public protocol CatalogLookup {
    /// The catalog's product whose `key` field equals `value` exactly, if any.
    func product(where key: CatalogKey, equals value: String) throws -> Product?

    /// The catalog's best product for `name` as an all-words query without typo tolerance, if any.
    func product(named name: String) throws -> Product?
}

/// A field that identifies a product on a page and in the feed.
public enum CatalogKey: String, Sendable, CaseIterable {
    /// The shop's article number (`Product.vendorCode`, `sku` in the markup).
    case sku
    /// The barcode (EAN/GTIN).
    case barcode
    /// The product page's URL.
    case url
}
