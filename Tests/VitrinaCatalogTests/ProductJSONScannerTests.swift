import Foundation
import Testing
import VitrinaModel

@testable import VitrinaCatalog

/// The JSONL fast path against `JSONDecoder`: whatever the scanner reads must be exactly what the
/// decoder reads, and whatever it is unsure of must go to the decoder.
@Suite("Product JSON scanner")
struct ProductJSONScannerTests {
    /// What the reader made of a line before the fast path: a deletion, a product, or nil (skipped).
    static func decoded(_ line: String) -> ProductJSONScanner.Record? {
        struct Marker: Decodable {
            var id: String
            var deleted: Bool?
        }
        let data = Data(line.utf8)
        if let marker = try? JSONDecoder().decode(Marker.self, from: data), marker.deleted == true {
            return .deletion(id: marker.id)
        }
        return (try? JSONDecoder().decode(Product.self, from: data)).map { .product($0) }
    }

    static func scanned(_ line: String) -> ProductJSONScanner.Record? {
        Array(line.utf8).withUnsafeBufferPointer(ProductJSONScanner.scan)
    }

    static func same(_ left: ProductJSONScanner.Record?, _ right: ProductJSONScanner.Record?) -> Bool {
        switch (left, right) {
        case (.product(let a), .product(let b)): return a == b
        case (.deletion(let a), .deletion(let b)): return a == b
        case (nil, nil): return true
        default: return false
        }
    }

    @Test(arguments: [
        #"{"id": "tv-1", "title": "Телевизор", "price": 100}"#,
        #"{"id":"a","deleted":true}"#, #"{"id":"a","deleted":false,"title":"x"}"#, #"{"id":"a","deleted":null}"#,
        #"{"id": "x", "category": "Электроника > ТВ", "price": 1.5e3, "oldPrice": -0.25, "available": false}"#,
        #"{"id": "x", "category": "A/B/ C ", "categoryPath": null}"#, #"{"id": "x", "category": ["A", "B"]}"#,
        #"{"id": "x", "category": null}"#, #"{"id": "x", "categoryPath": ["A"], "category": "B > C"}"#,
        #"{"id":"x","title":"\"кавычки\" \\ \/ \b\f\n\r\t \u0041\u044f\ud83d\ude00"}"#,
        #"{"id":"x","parameters":[{"name":"Цвет","value":"чёрный"},{"name":"Объём","value":"1.7","unit":"л"}]}"#,
        #"{"id":"x","parameters":[{"name":"n","value":"v","unit":null}],"pictures":[],"reviews":["a","b"]}"#,
        #"{"id":"x","reviewCount":12,"rating":4.5,"addedAt":1700000000,"updatedAt":1700000000.5,"language":"be"}"#,
        #"  {"id":"x","url":"https://x.by/a?b=1&c=2","currency":"BYN","vendor":"Bosch","model":"S4"}  "#,
        #"{"id":"x","vendorCode":"A-1","barcode":"4600000000000","description":null,"title":null}"#,
        #"{"id":"x","language":null,"reviewCount":null,"available":null,"price":null}"#,
    ])
    func readsWhatJSONDecoderReads(_ line: String) throws {
        let scanned = Self.scanned(line)
        #expect(scanned != nil, "the common shape takes the fast path")
        #expect(Self.same(scanned, Self.decoded(line)))
    }

    @Test(arguments: [
        #"{"id":"x","id":"y"}"#, #"{"id":"x","extra":1}"#, #"{"id":1}"#, #"{"title":"no id"}"#, #"{}"#, "[]",
        #"{"id":"x","price":"дорого"}"#, #"{"id":"x","price":1e400}"#, #"{"id":"x","reviewCount":5.0}"#,
        #"{"id":"x","reviewCount":99999999999999999999}"#, #"{"id":"x","available":1}"#,
        #"{"id":"x","language":"en"}"#, #"{"id":"x","deleted":"yes"}"#, #"{"id":"x","title":"\ud800"}"#,
        #"{"id":"x","title":"a\x"}"#, "{\"id\":\"x\",\"title\":\"tab\there\"}", #"{"id":"x"} trailing"#,
        #"{"id":"x",}"#, #"{"id":"x","category":5}"#, #"{"id":"x","parameters":[{"name":"n"}]}"#,
        #"{"id":"x","parameters":[{"name":"n","value":"v","extra":true}]}"#, #"{"id":"x","price":01}"#,
        #"{"id":"x","pictures":["a",]}"#, #"{"i\u0064":"x"}"#, #"{"id":"x","price":.5}"#,
    ])
    func leavesTheUnusualToJSONDecoder(_ line: String) {
        #expect(Self.scanned(line) == nil)
    }

    @Test func invalidUTF8GoesToJSONDecoder() {
        var bytes = Array(#"{"id":"x","title":"ab"}"#.utf8)
        bytes.insert(0xFF, at: 21)
        #expect(bytes.withUnsafeBufferPointer(ProductJSONScanner.scan) == nil)
    }

    @Test func randomProductsRoundTrip() throws {
        var state: UInt64 = 41
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
        let pieces = [
            "Телевизор", "Samsung", "\"", "\\", "/", "\n", "\u{1F600}", "ё", "ў", " ", "", "<b>", "&", "\u{7F}",
        ]
        func text() -> String { (0..<random(5)).map { _ in pieces[random(pieces.count)] }.joined() }
        let encoder = JSONEncoder()
        for number in 0..<500 {
            let product = Product(
                id: "p\(number)" + text(), title: random(3) == 0 ? nil : text(), vendor: random(2) == 0 ? nil : text(),
                categoryPath: (0..<random(3)).map { _ in text() }, description: random(2) == 0 ? nil : text(),
                parameters: (0..<random(3)).map { _ in
                    Product.Parameter(name: text(), value: text(), unit: random(2) == 0 ? nil : text())
                },
                price: random(2) == 0 ? nil : Double(random(1_000_000)) / 100, available: random(3) == 0 ? nil : true,
                pictures: (0..<random(2)).map { _ in text() }, rating: random(2) == 0 ? nil : 4.25,
                reviewCount: random(2) == 0 ? nil : random(1000), reviews: (0..<random(2)).map { _ in text() },
                language: [nil, .ru, .be, .other][random(4)])
            let line = String(decoding: try encoder.encode(product), as: UTF8.self)
            let scanned = Self.scanned(line)
            #expect(scanned != nil)
            #expect(Self.same(scanned, .product(product)), "\(line)")
        }
    }

    @Test func sampleCatalogsReadAlike() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Catalogs")
        var lines = 0
        for name in ["electronics-ru.jsonl", "krama-be.jsonl"] {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") {
                lines += 1
                let scanned = Self.scanned(String(line))
                #expect(scanned != nil)
                #expect(Self.same(scanned, Self.decoded(String(line))))
            }
        }
        #expect(lines > 10)
    }
}
