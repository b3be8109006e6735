import Foundation
import Testing
import VitrinaCatalog
import VitrinaIndex

@testable import VitrinaImport

/// The sample catalogs of the repository import end to end, in every format, with nothing skipped.
@Suite("Sample catalogs")
struct SampleCatalogTests {
    static let catalogs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Catalogs").path

    @Test func everySampleImportsWithNothingSkippedOrUnresolved() throws {
        let directory = TemporaryDirectory()
        let files = [
            "elektron-ru.yml", "krama-be.yml", "krama-be-1c/import.xml", "krama-be-1c/offers.xml", "vk-shop-ru.csv",
            "reviews.jsonl", "electronics-ru.jsonl", "krama-be.jsonl",
        ].map { Self.catalogs + "/" + $0 }
        let importer = try CatalogImporter(indexPath: directory.path)
        try importer.importFiles(files)
        let report = try importer.finish()
        #expect(report.skipped == 0 && report.unresolved.isEmpty && report.socialUnresolved == 0)
        #expect(report.files.map(\.format) == [.yml, .yml, .commerceml, .csv, .social, .jsonl, .jsonl])
        #expect(report.files.map(\.records) == [274, 100, 100, 15, 208, 10, 8])
        // The CommerceML exchange re-imports the Belarusian shop under the same ids: updates.
        #expect(report.documents == 274 + 100 + 15 + 10 + 8)
        let reader = try IndexReader(path: directory.path)
        let fridge = try #require(try reader.search(SearchRequest(text: "халадзільнік атлант", mode: .any)).hits.first)
        #expect(try reader.product(id: fridge.id)?.title?.hasPrefix("Халадзільнік") == true)
        let reviewed = try reader.search(SearchRequest(text: "", sort: .descending("review_count"), limit: 1)).hits
        #expect((try reader.product(id: reviewed[0].id))?.reviews.isEmpty == false)
    }

    @Test func reviewsFindProductsByTheirTitleWithinOneImport() throws {
        let directory = TemporaryDirectory()
        let importer = try CatalogImporter(indexPath: directory.path)
        try importer.importList([.entry(.product(Product(id: "s1", title: "Рубашка оверсайз")), at(1))])
        try importer.importList(
            [
                .entry(
                    .social(
                        SocialItem(kind: .review, product: .init(title: "рубашка оверсайз"), text: "Мнётся", rating: 3)),
                    at(2))
            ], format: .social)
        let report = try importer.finish()
        #expect(report.socialAttached == 1)
        #expect(try IndexReader(path: directory.path).product(id: "s1")?.rating == 3)
    }
}
