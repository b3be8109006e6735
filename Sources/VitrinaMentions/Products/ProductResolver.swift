import VitrinaIndex

/// Maps mentions' product references (id, SKU, barcode, URL, title) to product ids of a
/// product index.
public struct ProductResolver: Sendable {
    private var ids: Set<String> = []
    private var bySKU: [String: String] = [:]
    private var byBarcode: [String: String] = [:]
    private var byURL: [String: String] = [:]
    private var byTitle: [String: String] = [:]
    /// Product titles by id.
    public private(set) var titles: [String: String] = [:]

    /// Reads every product of the index at `path`.
    ///
    /// - Throws: ``VitrinaIndex/IndexError`` when the index cannot be read.
    public init(indexPath path: String) throws {
        try IndexReader(path: path).forEachProduct { product in
            ids.insert(product.id)
            if let sku = product.vendorCode { bySKU[sku.lowercased()] = product.id }
            if let barcode = product.barcode { byBarcode[barcode] = product.id }
            if let url = product.url { byURL[url.lowercased()] = product.id }
            if let title = product.title {
                byTitle[title.lowercased()] = product.id
                titles[product.id] = title
            }
        }
    }

    /// The product id a reference names, trying id, SKU, barcode, URL, then the exact title.
    public func resolve(_ reference: Mention.ProductReference) -> String? {
        if let id = reference.id, ids.contains(id) { return id }
        if let sku = reference.sku {
            if let id = bySKU[sku.lowercased()] { return id }
            if ids.contains(sku) { return sku }
        }
        if let barcode = reference.barcode, let id = byBarcode[barcode] { return id }
        if let url = reference.url?.lowercased(), let id = byURL[url] { return id }
        if let title = reference.title?.lowercased(), let id = byTitle[title] { return id }
        return nil
    }
}
