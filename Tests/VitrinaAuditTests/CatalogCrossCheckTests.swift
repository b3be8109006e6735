import Testing
import VitrinaModel

@testable import VitrinaAudit

/// A catalog in a dictionary: the audit needs no index to be tested.
private struct DictionaryCatalog: CatalogLookup {
    var products: [Product]
    var names: [String: Product] = [:]

    func product(where key: CatalogKey, equals value: String) throws -> Product? {
        products.first {
            switch key {
            case .sku: $0.vendorCode == value
            case .barcode: $0.barcode == value
            case .url: $0.url == value
            }
        }
    }

    func product(named name: String) throws -> Product? { names[name] }
}

@Suite("Audit: cross-check against a catalog")
struct CatalogCrossCheckTests {
    static let page = """
        <html lang="ru"><body><h1>Чайник Bosch</h1><p>Цена 3 490 ₽, в наличии.</p>
        <script type="application/ld+json">{"@type": "Product", "name": "Чайник Bosch", "gtin13": "4600000000017",
         "offers": {"@type": "Offer", "price": "3490", "priceCurrency": "RUB", "availability": "https://schema.org/InStock"}}</script>
        </body></html>
        """

    @Test func theBarcodeFindsTheProductAndThePriceIsCompared() throws {
        let feed = Product(id: "k1", barcode: "4600000000017", price: 3_690, currency: "RUB", available: true)
        var audit = PageAuditor(language: .en).audit(bytes: Array(Self.page.utf8), path: "p.html")
        #expect(audit.product.gtin == "4600000000017")
        try CatalogCrossCheck.apply(to: &audit, catalog: DictionaryCatalog(products: [feed]), language: .en)
        #expect(audit.findings.first?.check == "catalog.price")
        #expect(audit.findings.first?.message.contains("k1") == true)
        #expect(!audit.findings.contains { $0.check == "catalog.availability" || $0.check == "catalog.missing" })
    }

    @Test func aSamePriceByNameGivesNoFindingAndNoMatchIsMissing() throws {
        let feed = Product(id: "k2", price: 3_490, available: true)
        var same = PageAuditor(language: .ru).audit(bytes: Array(Self.page.utf8), path: "p.html")
        let byName = DictionaryCatalog(products: [], names: ["Чайник Bosch": feed])
        try CatalogCrossCheck.apply(to: &same, catalog: byName, language: .ru)
        #expect(!same.findings.contains { $0.check.hasPrefix("catalog.") })

        var missing = PageAuditor(language: .ru).audit(bytes: Array(Self.page.utf8), path: "p.html")
        try CatalogCrossCheck.apply(to: &missing, catalog: DictionaryCatalog(products: []), language: .ru)
        #expect(missing.findings.contains { $0.check == "catalog.missing" && $0.message == "Товара нет в каталоге" })
    }
}
