import Foundation
import Testing

@testable import VitrinaIndex

@Suite("Searching")
struct SearchTests {
    let index = TemporaryIndex()
    let reader: IndexReader

    init() throws {
        reader = try index.committed(SampleProducts.all)
    }

    @Test func allWordsMustMatchByDefault() throws {
        #expect(try reader.search(SearchRequest(text: "телевизор samsung")).hits.map(\.id) == ["tv-1"])
        let any = try reader.search(SearchRequest(text: "телевизор samsung", mode: .any))
        #expect(Set(any.hits.map(\.id)) == ["tv-1", "tv-2", "ph-1"])
        #expect(any.hits.first?.id == "tv-1")  // matches both words
    }

    /// A brand said in Cyrillic finds the catalog's Latin spelling through the `sounds` field.
    @Test func brandsMatchInEitherScript() throws {
        #expect(try reader.search(SearchRequest(text: "телевизоры самсунг")).hits.map(\.id) == ["tv-1"])
        #expect(Set(try reader.search(SearchRequest(text: "ксяоми")).hits.map(\.id)) == ["tv-2", "vc-1"])
        #expect(try reader.search(SearchRequest(text: "пылесос дайсон")).hits.map(\.id) == ["vc-2"])
    }

    @Test func minimumShouldMatchCountsOptionalWords() throws {
        var request = SearchRequest(text: "телевизор samsung galaxy", mode: .any)
        #expect(try reader.search(request).total == 3)
        request.minimumShouldMatch = 2
        #expect(Set(try reader.search(request).hits.map(\.id)) == ["tv-1", "ph-1"])
        request.minimumShouldMatch = 3
        #expect(try reader.search(request).total == 0)
    }

    @Test func documentFrequencyIsADictionaryLookup() throws {
        #expect(try reader.documentFrequency(ofWord: "телевизоров") == 2)
        #expect(try reader.documentFrequency(ofWord: "Samsung") == 2)
        #expect(try reader.documentFrequency(ofWord: "холодильник") == 0)
        #expect(try reader.documentFrequency(ofWord: "два слова") == 0)
    }

    @Test func inflectedFormsMatch() throws {
        #expect(try reader.search(SearchRequest(text: "пылесосами")).total == 2)
        #expect(try reader.search(SearchRequest(text: "смартфона")).hits.map(\.id) == ["ph-1"])
    }

    @Test func filtersOnKeywordsAndRanges() throws {
        let vendor = try reader.search(SearchRequest(text: "", filters: [.equals(field: "vendor", value: "xiaomi")]))
        #expect(Set(vendor.hits.map(\.id)) == ["tv-2", "vc-1"])
        let category = try reader.search(
            SearchRequest(text: "", filters: [.equals(field: "category", value: "Электроника")]))
        #expect(category.total == 3)
        let cheap = try reader.search(SearchRequest(text: "", filters: [.range(field: "price", min: nil, max: 30_000)]))
        #expect(Set(cheap.hits.map(\.id)) == ["tv-2", "vc-1"])
        let inStock = try reader.search(
            SearchRequest(text: "samsung", filters: [.range(field: "available", min: 1, max: 1)]))
        #expect(inStock.hits.map(\.id) == ["tv-1"])
    }

    @Test func sortsByNumericFields() throws {
        let ascending = try reader.search(SearchRequest(text: "", sort: .ascending("price")))
        #expect(ascending.hits.map(\.id) == ["vc-1", "tv-2", "tv-1", "vc-2", "ph-1"])
        let descending = try reader.search(SearchRequest(text: "", sort: .descending("price"), limit: 2, offset: 1))
        #expect(descending.hits.map(\.id) == ["vc-2", "tv-1"])
        #expect(descending.total == 5)
    }

    @Test func facetsCountTheWholeMatchSet() throws {
        let result = try reader.search(SearchRequest(text: "", limit: 1, facets: ["vendor", "category", "price"]))
        #expect(
            result.keywordFacets["vendor"] == [
                .init(value: "Samsung", count: 2), .init(value: "Xiaomi", count: 2), .init(value: "Dyson", count: 1),
            ])
        #expect(result.keywordFacets["category"]?.first == .init(value: "Электроника", count: 3))
        let price = try #require(result.numericFacets["price"])
        #expect(price.min == 21_990 && price.max == 79_990)
        #expect(price.buckets.reduce(0) { $0 + $1.count } == 5)
    }

    @Test func badRequestsAreClearErrors() {
        #expect { try reader.search(SearchRequest(text: "", filters: [.equals(field: "nope", value: "x")])) } throws: {
            ($0 as? IndexError)?.code == .badRequest
        }
        #expect { try reader.search(SearchRequest(text: "", sort: .ascending("title"))) } throws: {
            ($0 as? IndexError)?.code == .badRequest
        }
    }
}

@Suite("Stored fields of hits")
struct HitFieldsTests {
    @Test func hitsCarryTheSummaryWhenWholeProductsAreNotAsked() throws {
        let index = TemporaryIndex()
        let reader = try index.committed(SampleProducts.all)
        var request = SearchRequest(text: "телевизор samsung", limit: 1)
        request.wholeProducts = false
        let summary = try #require(try reader.search(request).hits.first)
        #expect(summary.id == "tv-1")
        #expect(summary.product.title == "Телевизор Samsung 55 дюймов")
        #expect(summary.product.price == 42_990 && summary.product.currency == "RUB")
        #expect(summary.product.vendor == "Samsung" && summary.product.available == true)
        // What voice ranking reads is there; the description is not.
        #expect(summary.product.categoryPath == ["Электроника", "Телевизоры"])
        #expect(summary.product.language == SampleProducts.all[0].indexedLanguage)
        #expect(summary.product.description == nil)
        request.wholeProducts = true
        let whole = try #require(try reader.search(request).hits.first)
        #expect(whole.product == SampleProducts.all[0])
        #expect(try reader.product(id: "tv-1") == SampleProducts.all[0])
    }

    @Test func summaryHitsCarryCodesAndColourParameters() throws {
        let index = TemporaryIndex()
        let product = Product(
            id: "k-1", title: "Чайник электрический", vendor: "Bosch", model: "TWK 3A011", vendorCode: "TWK3A011",
            barcode: "4242002740000", categoryPath: ["Кухня", "Чайники"], description: "Чайник на 1,7 литра",
            parameters: [.init(name: "Объём", value: "1.7", unit: "л"), .init(name: "Цвет", value: "белый")],
            price: 59, oldPrice: 69, currency: "BYN", reviewCount: 4)
        let reader = try index.committed([product])
        var request = SearchRequest(text: "чайник", limit: 1)
        request.wholeProducts = false
        let hit = try #require(try reader.search(request).hits.first).product
        #expect(hit.model == product.model && hit.vendorCode == product.vendorCode && hit.barcode == product.barcode)
        #expect(hit.categoryPath == product.categoryPath && hit.parameters == product.parameters)
        #expect(hit.oldPrice == 69 && hit.reviewCount == 4 && hit.language == .ru)
        #expect(hit.description == nil)
    }
}
