import Foundation
import Testing
import Vitrina

@Suite("Audit against the index")
struct IndexCatalogLookupTests {
    @Test func pagesAreMatchedBySKUAndComparedWithTheFeed() throws {
        let path = NSTemporaryDirectory() + "vitrina-crosscheck-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try IndexWriter(path: path)
        try writer.add(
            Product(
                id: "k1", title: "Чайник Bosch", vendorCode: "BOS-1", price: 3_690, currency: "RUB", available: true))
        try writer.commit()
        let reader = try IndexReader(path: path)
        let page = """
            <html lang="ru"><body><h1>Чайник Bosch</h1><p>Цена 3 490 ₽, нет в наличии.</p>
            <script type="application/ld+json">{"@type": "Product", "name": "Чайник Bosch", "sku": "BOS-1",
             "offers": {"@type": "Offer", "price": "3490", "priceCurrency": "RUB", "availability": "https://schema.org/OutOfStock"}}</script>
            </body></html>
            """
        var audit = PageAuditor(language: .en).audit(bytes: Array(page.utf8), path: "p.html")
        try CatalogCrossCheck.apply(to: &audit, reader: reader, language: .en)
        let checks = audit.findings.map(\.check)
        #expect(checks.contains("catalog.price") && checks.contains("catalog.availability"))
        #expect(audit.findings.first { $0.check == "catalog.price" }?.message.contains("k1") == true)

        var unknown = PageAuditor(language: .en).audit(
            bytes: Array("<html><body><h1>Вертолёт</h1></body></html>".utf8), path: "x.html")
        try CatalogCrossCheck.apply(to: &unknown, reader: reader, language: .en)
        #expect(unknown.findings.contains { $0.check == "catalog.missing" })
    }
}
