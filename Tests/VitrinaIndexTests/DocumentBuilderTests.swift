import Foundation
import Testing

@testable import VitrinaIndex

/// `../shared/data/21vek-by-catalog` beside the repository (third-party data: read, never copied).
private let catalogPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/data/21vek-by-catalog/21vek_catalog_2023-07.jsonl")
    .path

@Suite("Document builder")
struct DocumentBuilderTests {
    @Test(arguments: [
        ("Покрышка 270х47-203 A-1201 HOTA №008061", "HOTA" as String?),
        ("BENOVY Перчатки нитриловые голубые", "BENOVY"), ("Заглушка Peg-perego для колеса", "Peg-perego"),
        ("Кофеварка De'Longhi EC 685", "De'Longhi"), ("Телевизор 55 дюймов", nil), ("Samsung Galaxy S24", nil),
        ("Кабель 2x1.5 мм", nil), ("Лампа Q 5", nil),
    ])
    func aTitleNamesItsBrandByItsFirstLatinWord(title: String, brand: String?) {
        #expect(DocumentBuilder.titleBrand(of: Product(id: "1", title: title)) == brand, "\(title)")
    }

    @Test func soundKeysOfRandomTextsMatchTheReference() {
        let pieces = [
            "Samsung", "самсунг", "Philips", "iPhone", "15", "rx570", " ", "-", "'", "’", "«", "»", "é", "ß", "²", "½",
            "\u{301}", "\u{200D}", "😀", "中", "\r\n", "\t", "№", ".", ",", "ў", "Ёлка", "x", "Xiaomi", "ʼ", "\u{A0}",
        ]
        var state: UInt64 = 5
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
        func text() -> String? {
            random(5) == 0 ? nil : (0..<random(8)).map { _ in pieces[random(pieces.count)] }.joined()
        }
        for number in 0..<3_000 {
            let product = Product(id: "\(number)", title: text(), vendor: text(), model: text())
            #expect(
                DocumentBuilder.soundKeys(of: product) == DocumentBuilder.referenceSoundKeys(of: product),
                "\(product)")
        }
    }

    @Test func languageSamplesAreTheFirstCharacters() {
        let pieces = [
            "Пылесос", "ў", "é", "e\u{301}", "\u{301}", "\r\n", "\r", "\n", "\t", "😀", "中", "«", "»", "—", " ",
            "\u{200D}", "ß", "a", "12", "\u{A0}", "№",
        ]
        var state: UInt64 = 9
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
        for _ in 0..<5_000 {
            let text = (0..<random(40)).map { _ in pieces[random(pieces.count)] }.joined()
            let count = random(30)
            let sample = DocumentBuilder.prefix(of: text, characters: count)
            #expect(Array(sample.utf8) == Array(String(text.prefix(count)).utf8), "\(text.debugDescription)")
        }
    }

    @Test(
        "Sound keys of 21vek.by titles match the reference",
        .enabled(if: FileManager.default.fileExists(atPath: catalogPath), "../shared/data is absent"))
    func soundKeysOfCatalogTitles() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: catalogPath))
        var checked = 0
        // Every 8th line of the catalog (a category each) keeps the test short.
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where number % 8 == 0 {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let items = object["items"] as? [[String: Any]]
            else { continue }
            for title in items.compactMap({ $0["name"] as? String }) {
                let product = Product(
                    id: "", title: title, vendor: title.split(separator: " ").dropFirst().first.map(String.init))
                #expect(DocumentBuilder.soundKeys(of: product) == DocumentBuilder.referenceSoundKeys(of: product))
                checked += 1
            }
        }
        #expect(checked > 15_000)
    }
}
