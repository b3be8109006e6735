import Foundation
import Testing

@testable import VitrinaIndex

@Suite("Stored product codec")
struct StoredProductCodecTests {
    @Test func roundTripsEveryField() throws {
        let full = Product(
            id: "x-1", title: "Телевизор", vendor: "Samsung", model: "UE55", vendorCode: "SKU-1",
            barcode: "4600000000001",
            categoryPath: ["Электроника", "Телевизоры"], description: "Описание с «кавычками»",
            parameters: [.init(name: "Цвет", value: "чёрный"), .init(name: "Диагональ", value: "55", unit: "\"")],
            price: 42_990.5, oldPrice: 49_990, currency: "RUB", available: false, url: "https://x.example/1",
            pictures: ["a.jpg", "b.jpg"], addedAt: 1_700_000_000, updatedAt: 1_700_000_100, rating: 4.5,
            reviewCount: 12, reviews: ["Добры чайнік", "Кіпіць хутка"],
            language: .be)
        for product in [full, Product(id: ""), Product(id: "y", available: true, language: .other)] {
            for bytes in [StoredProductCodec.encode(product), StoredProductCodec.encodeVersion2(product)] {
                let decoded = try bytes.withUnsafeBytes { try StoredProductCodec.decode($0, file: "test") }
                #expect(decoded == product)
            }
            // Version 3 splits into the summary a hit shows and the rest.
            let bytes = StoredProductCodec.encode(product)
            try bytes.withUnsafeBytes { raw in
                let (summaryBytes, rest) = try StoredProductCodec.parts(raw, file: "test")
                var summary = try StoredProductCodec.decodeSummary(summaryBytes, file: "test")
                #expect(summary.id == product.id && summary.title == product.title && summary.price == product.price)
                #expect(summary.url == product.url && summary.pictures == Array(product.pictures.prefix(1)))
                #expect(summary.description == nil && summary.parameters.isEmpty)
                try StoredProductCodec.decodeRest(rest, into: &summary, file: "test")
                #expect(summary == product)
            }
        }
    }

    @Test func readsVersionOneWithoutReviews() throws {
        let product = Product(id: "x", title: "Чайник", price: 10)
        // Version 1 is version 2 without the trailing review count.
        var bytes = StoredProductCodec.encodeVersion2(product)
        #expect(bytes.last == 0)
        bytes.removeLast()
        bytes[0] = 1
        let decoded = try bytes.withUnsafeBytes { try StoredProductCodec.decode($0, file: "t") }
        #expect(decoded == product)
    }

    @Test func truncatedOrForeignBytesAreErrors() {
        let bytes = StoredProductCodec.encode(Product(id: "x", title: "Чайник", price: 10))
        for length in [0, 1, 5, bytes.count - 1] {
            #expect(throws: IndexError.self) {
                try Array(bytes.prefix(length)).withUnsafeBytes { try StoredProductCodec.decode($0, file: "t") }
            }
        }
        #expect(throws: IndexError.self) {
            try [UInt8](repeating: 9, count: 20).withUnsafeBytes { try StoredProductCodec.decode($0, file: "t") }
        }
    }
}

@Suite("Canonical JSON product form")
struct ProductJSONTests {
    private func decode(_ json: String) throws -> Product {
        try JSONDecoder().decode(Product.self, from: Data(json.utf8))
    }

    @Test func categoryAcceptsAPathStringOrAnArray() throws {
        #expect(try decode(#"{"id":"1","category":"Дом > Пылесосы"}"#).categoryPath == ["Дом", "Пылесосы"])
        #expect(try decode(#"{"id":"1","category":"Дом/Пылесосы"}"#).categoryPath == ["Дом", "Пылесосы"])
        #expect(try decode(#"{"id":"1","category":["Дом","Пылесосы"]}"#).categoryPath == ["Дом", "Пылесосы"])
        #expect(try decode(#"{"id":"1","categoryPath":["Дом"]}"#).categoryPath == ["Дом"])
        #expect(try decode(#"{"id":"1","category":null}"#).categoryPath.isEmpty)
    }

    @Test func aCategoryOfTheWrongTypeIsAnError() {
        #expect(throws: DecodingError.self) { try decode(#"{"id":"1","category":42}"#) }
        #expect(throws: DecodingError.self) { try decode(#"{"id":"1","categoryPath":"Дом"}"#) }
    }
}
