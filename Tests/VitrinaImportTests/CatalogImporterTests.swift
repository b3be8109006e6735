import Testing
import VitrinaCatalog
import VitrinaIndex

@testable import VitrinaImport

@Suite("Catalog importer")
struct CatalogImporterTests {
    static let kettle = Product(
        id: "k1", title: "Чайник Bosch", vendor: "Bosch", vendorCode: "TWK-1", barcode: "4600000000017",
        price: 3_000, currency: "RUB", available: true, url: "https://shop.example/k1")
    static let iron = Product(id: "i1", title: "Утюг Philips", vendor: "Philips", price: 4_500, currency: "RUB")

    @Test func productsAddAndReplaceInOneCommit() throws {
        let directory = TemporaryDirectory()
        do {
            let importer = try CatalogImporter(indexPath: directory.path)
            try importer.importList([.entry(.product(Self.kettle), at(1)), .entry(.product(Self.iron), at(2))])
            let report = try importer.finish()
            #expect(report.added == 2 && report.documents == 2 && report.records == 2 && report.skipped == 0)
        }
        var cheaper = Self.kettle
        cheaper.price = 2_500
        let importer = try CatalogImporter(indexPath: directory.path)
        try importer.importList([.entry(.product(cheaper), at(1))])
        let report = try importer.finish()
        #expect(report.added == 0 && report.updated == 1 && report.documents == 2)
        #expect(try IndexReader(path: directory.path).product(id: "k1")?.price == 2_500)
    }

    @Test func priceOnlyRecordsUpdateKnownProductsAndReportUnknownIDs() throws {
        let directory = TemporaryDirectory()
        let first = try CatalogImporter(indexPath: directory.path)
        try first.importList([.entry(.product(Self.kettle), at(1))])
        _ = try first.finish()

        let importer = try CatalogImporter(indexPath: directory.path)
        try importer.importList([
            .entry(.offerUpdate(OfferUpdate(id: "k1", price: 2_790, oldPrice: 3_000, available: false)), at(5)),
            .entry(.offerUpdate(OfferUpdate(id: "nope", price: 1)), at(6)),
        ])
        let report = try importer.finish()
        #expect(report.offersUpdated == 1 && report.unknownIDs == 1 && report.added == 0)
        #expect(report.unresolved.first?.id == "nope" && report.unresolved.first?.location == "list:6")
        let product = try #require(try IndexReader(path: directory.path).product(id: "k1"))
        #expect(product.price == 2_790 && product.oldPrice == 3_000 && product.available == false)
        #expect(product.title == Self.kettle.title)  // untouched fields stay
    }

    @Test func skippedRecordsAreCountedAndListedOrAbortWhenStrict() throws {
        let directory = TemporaryDirectory()
        let problem = ImportProblem(location: at(3), recordID: "x", field: "price", message: "expected a number")
        do {
            let importer = try CatalogImporter(indexPath: directory.path)
            try importer.importList([.entry(.product(Self.kettle), at(1)), .skipped(problem)])
            let report = try importer.finish()
            #expect(report.skipped == 1 && report.documents == 1)
            #expect(
                report.skippedRecords == [
                    .init(
                        location: "list:3", id: "x", field: "price", reason: "expected a number", code: "invalid-record"
                    )
                ])
        }
        // Strict: the import aborts and the index keeps its last commit.
        do {
            let importer = try CatalogImporter(indexPath: directory.path, options: ImportOptions(strict: true))
            #expect(throws: ImportProblem.self) {
                try importer.importList([.entry(.product(Self.iron), at(1)), .skipped(problem)])
            }
        }
        let reader = try IndexReader(path: directory.path)
        #expect(reader.documentCount == 1)
        #expect(try reader.product(id: "i1") == nil)
    }

    @Test func fullImportDeletesProductsAbsentFromTheFeed() throws {
        let directory = TemporaryDirectory()
        let first = try CatalogImporter(indexPath: directory.path)
        try first.importList([.entry(.product(Self.kettle), at(1)), .entry(.product(Self.iron), at(2))])
        _ = try first.finish()

        let importer = try CatalogImporter(indexPath: directory.path, options: ImportOptions(full: true))
        try importer.importList([.entry(.product(Self.iron), at(1))])
        let report = try importer.finish()
        #expect(report.deletedAsAbsent == 1 && report.documents == 1)
        #expect(try IndexReader(path: directory.path).product(id: "k1") == nil)

        let socialOnly = try CatalogImporter(indexPath: directory.path, options: ImportOptions(full: true))
        #expect(throws: ImportProblem.self) { try socialOnly.finish() }
    }

    @Test func reviewsAttachBySKUBarcodeURLOrIDAndUnresolvedOnesAreListed() throws {
        let directory = TemporaryDirectory()
        let first = try CatalogImporter(indexPath: directory.path)
        try first.importList([.entry(.product(Self.kettle), at(1))])
        _ = try first.finish()

        // The iron arrives in the same import as the reviews, after them.
        let importer = try CatalogImporter(indexPath: directory.path)
        func review(_ reference: SocialItem.ProductReference, _ text: String, _ rating: Double?, date: Double? = nil)
            -> CatalogItem
        {
            .entry(
                .social(SocialItem(kind: .review, product: reference, text: text, rating: rating, date: date)), at(1))
        }
        try importer.importList(
            [
                review(.init(sku: "twk-1"), "Кипит быстро, очень тихий", 5, date: 100),
                review(.init(barcode: "4600000000017"), "Корпус греется", 3, date: 200),
                review(.init(url: "https://shop.example/k1"), "Нормальный", nil),
                review(.init(id: "i1"), "Гладит отлично", 4),
                review(.init(sku: "missing"), "Не тот магазин", 1),
                .entry(
                    .social(SocialItem(kind: .post, product: .init(id: "k1"), text: "Розыгрыш чайника!", likes: 40)),
                    at(9)),
            ], name: "reviews.jsonl", format: .social)
        try importer.importList([.entry(.product(Self.iron), at(1))])
        let report = try importer.finish()
        #expect(report.socialAttached == 5 && report.socialUnresolved == 1 && report.productsWithSocial == 2)
        #expect(report.unresolved.map(\.id) == ["sku missing"])

        let reader = try IndexReader(path: directory.path)
        let kettle = try #require(try reader.product(id: "k1"))
        #expect(kettle.reviewCount == 3)  // the post is not a review
        #expect(kettle.rating == 4)  // (5 + 3) / 2: unrated reviews do not count
        #expect(kettle.reviews.first == "Корпус греется")  // newest first
        #expect(kettle.reviews.count == 4)
        #expect(try reader.product(id: "i1")?.rating == 4)
        // Review text is searchable, at a low weight.
        #expect(try reader.search(SearchRequest(text: "тихий")).hits.map(\.id) == ["k1"])
    }
}
