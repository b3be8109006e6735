import VitrinaModel

/// Compares an audited page with the catalog in an index.
///
/// Is it the same product, with the same price and availability as the feed? The product is found
/// through a ``CatalogLookup`` by SKU, then barcode (GTIN), then page URL, then by its name. Findings: `catalog.missing` (notice: no such product in the
/// catalog), `catalog.price` (error: the page's price differs from the feed's by more than one
/// kopeck), `catalog.availability` (warning: the page and the feed disagree on stock).
public enum CatalogCrossCheck {
    /// Adds the cross-check's findings to `audit`.
    ///
    /// - Throws: what `catalog` throws when it cannot be read.
    public static func apply(
        to audit: inout PageAudit, catalog: some CatalogLookup, language: ReportLanguage
    ) throws {
        let facts = audit.product
        var found: Product?
        for (key, value) in [(CatalogKey.sku, facts.sku), (.barcode, facts.gtin), (.url, facts.url)] {
            guard let value, found == nil else { continue }
            found = try catalog.product(where: key, equals: value)
        }
        if found == nil, let name = facts.name {
            found = try catalog.product(named: name)
        }
        let be = language == .be
        let en = language == .en
        guard let product = found else {
            audit.findings.append(
                Finding(
                    check: "catalog.missing", severity: .notice,
                    message: en
                        ? "The product is not in the catalog" : be ? "Тавару няма ў каталогу" : "Товара нет в каталоге",
                    fix: en
                        ? "Check the SKU, GTIN or URL in the markup"
                        : be
                            ? "Праверце sku, gtin або url у разметцы" : "Проверьте sku, gtin или url в разметке"))
            return
        }
        if let pagePrice = facts.price, let feedPrice = product.price, abs(pagePrice - feedPrice) > 0.01 {
            audit.findings.insert(
                Finding(
                    check: "catalog.price", severity: .error,
                    message: (en
                        ? "The page price differs from the feed"
                        : be ? "Цана на старонцы не як у фідзе" : "Цена на странице не совпадает с фидом")
                        + " (\(pagePrice) ≠ \(feedPrice), \(product.id))",
                    fix: en
                        ? "Update the page or the feed" : be ? "Абнавіце старонку або фід" : "Обновите страницу или фид"
                ),
                at: 0)
        }
        if let pageStock = facts.available, let feedStock = product.available, pageStock != feedStock {
            audit.findings.append(
                Finding(
                    check: "catalog.availability", severity: .warning,
                    message: (en
                        ? "Stock on the page differs from the feed"
                        : be ? "Наяўнасць на старонцы не як у фідзе" : "Наличие на странице не совпадает с фидом")
                        + " (\(product.id))",
                    fix: en
                        ? "Update the page or the feed" : be ? "Абнавіце старонку або фід" : "Обновите страницу или фид"
                ))
        }
    }
}
