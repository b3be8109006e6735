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
            for bytes in [
                StoredProductCodec.encode(product), StoredProductCodec.encodeVersion3(product),
                StoredProductCodec.encodeVersion2(product),
            ] {
                let decoded = try bytes.withUnsafeBytes { try StoredProductCodec.decode($0, file: "test") }
                #expect(decoded == product)
            }
            // Version 4 splits into the summary a hit shows and the rest.
            let bytes = StoredProductCodec.encode(product)
            try bytes.withUnsafeBytes { raw in
                let (summaryBytes, rest) = try StoredProductCodec.parts(raw, file: "test")
                var summary = try StoredProductCodec.decodeSummary(summaryBytes, file: "test")
                #expect(summary.id == product.id && summary.title == product.title && summary.price == product.price)
                #expect(summary.url == product.url && summary.pictures == Array(product.pictures.prefix(1)))
                #expect(summary.oldPrice == product.oldPrice && summary.reviewCount == product.reviewCount)
                #expect(summary.model == product.model && summary.vendorCode == product.vendorCode)
                #expect(summary.barcode == product.barcode && summary.categoryPath == product.categoryPath)
                #expect(summary.parameters == product.parameters)
                #expect(summary.language == product.indexedLanguage)
                #expect(summary.description == nil && summary.reviews.isEmpty && summary.addedAt == nil)
                try StoredProductCodec.decodeRest(rest, into: &summary, file: "test")
                #expect(summary == product)
            }
        }
    }

    @Test func aSummaryHoldsTheIndexedLanguageAndAFewParametersColourFirst() throws {
        var parameters = (0..<40).map {
            Product.Parameter(name: "Свойство \($0)", value: String(repeating: "з", count: 20))
        }
        parameters.append(.init(name: "Цвет", value: "красный"))
        parameters.insert(.init(name: "Размер", value: "XL"), at: 3)
        let product = Product(
            id: "p", title: "Пуховик зимний мужской", description: "Тёплый пуховик для холодной зимы",
            parameters: parameters)
        let held = StoredProductCodec.summaryParameters(of: product)
        let bytes = StoredProductCodec.encode(product)
        try bytes.withUnsafeBytes { raw in
            let (summaryBytes, rest) = try StoredProductCodec.parts(raw, file: "test")
            var summary = try StoredProductCodec.decodeSummary(summaryBytes, file: "test")
            #expect(summary.parameters == held.map { parameters[$0] })
            #expect(summary.parameters.contains(.init(name: "Цвет", value: "красный")))
            #expect(summary.parameters.contains(.init(name: "Размер", value: "XL")))
            let used = summary.parameters.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count }
            #expect(used <= StoredProductCodec.summaryParameterBytes && summary.parameters.count < parameters.count)
            // No language of its own: the summary carries the detected one, the whole product none.
            #expect(summary.language == .ru)
            try StoredProductCodec.decodeRest(rest, into: &summary, file: "test")
            #expect(summary == product)
        }
    }

    @Test func aVersionThreeSummaryHasNoVoiceFields() throws {
        let product = Product(id: "v3", title: "Чайник", model: "X1", categoryPath: ["Кухня"], language: .be)
        let bytes = StoredProductCodec.encodeVersion3(product)
        try bytes.withUnsafeBytes { raw in
            let (summaryBytes, _) = try StoredProductCodec.parts(raw, file: "test")
            let summary = try StoredProductCodec.decodeSummary(summaryBytes, file: "test")
            #expect(summary.title == "Чайник" && summary.language == .be)
            #expect(summary.model == nil && summary.categoryPath.isEmpty)
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
