import Foundation
import VitrinaCatalog
import VitrinaIndex

/// Finds the product a review or post refers to: by id, then SKU, barcode and URL, among the
/// products of this import and, failing that, the last commit of the index; then by exact title
/// among this import's products.
struct ProductLocator {
    private var bySKU: [String: String] = [:]
    private var byBarcode: [String: String] = [:]
    private var byURL: [String: String] = [:]
    private var byTitle: [String: String] = [:]

    /// Remembers the keys of a product imported in this session.
    mutating func remember(_ product: Product) {
        if let sku = Self.key(product.vendorCode) { bySKU[sku] = product.id }
        if let barcode = Self.key(product.barcode) { byBarcode[barcode] = product.id }
        if let url = Self.key(product.url) { byURL[url] = product.id }
        if let title = Self.key(product.title) { byTitle[title] = product.id }
    }

    /// The id of the product `reference` names, or `nil`.
    ///
    /// - Parameters:
    ///   - reference: The keys a review or post gives.
    ///   - exists: Whether a product with this id is in the index (with this session's changes).
    ///   - committed: The last commit, for keys of products not imported in this session.
    /// - Returns: The product's id, or `nil` when no key leads to a product.
    /// - Throws: What `exists` or a search of `committed` throws.
    func locate(_ reference: SocialItem.ProductReference, exists: (String) throws -> Bool, committed: IndexReader?)
        throws -> String?
    {
        if let id = reference.id, try exists(id) { return id }
        for (value, map, field) in [
            (reference.sku, bySKU, "sku"), (reference.barcode, byBarcode, "barcode"), (reference.url, byURL, "url"),
        ] {
            guard let key = Self.key(value) else { continue }
            if let id = map[key], try exists(id) { return id }
            if let committed {
                let hits = try committed.search(
                    SearchRequest(text: "", filters: [.equals(field: field, value: key)], limit: 1)
                ).hits
                if let id = hits.first?.id, try exists(id) { return id }
            }
        }
        // A title is matched only among this import's products (the index keeps no title column).
        if let title = Self.key(reference.title), let id = byTitle[title], try exists(id) { return id }
        return nil
    }

    private static func key(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value.lowercased()
    }
}
