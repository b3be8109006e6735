import Foundation
import Testing
import VitrinaIndex
import VitrinaMentions
import VitrinaModel
import VitrinaText
import VitrinaVoice

@testable import VitrinaSearch

@Suite("Voice search")
struct VoiceSearchTests {
    static let products = [
        Product(
            id: "tv1", title: "Телевизор Samsung UE43", vendor: "Samsung", categoryPath: ["Электроника", "Телевизоры"],
            price: 24_990, currency: "RUB", available: true, url: "https://shop.example/tv1"),
        Product(
            id: "tv2", title: "Телевизор LG 55", vendor: "LG", categoryPath: ["Электроника", "Телевизоры"],
            price: 54_990,
            currency: "RUB", available: false),
        Product(
            id: "br1", title: "Кронштейн для телевизора настенный", vendor: "Kromax",
            categoryPath: ["Электроника", "Аксессуары"], price: 1_990, currency: "RUB"),
        Product(
            id: "vc1", title: "Пылесос Philips PowerPro", vendor: "Philips",
            categoryPath: ["Бытовая техника", "Пылесосы"],
            parameters: [.init(name: "Цвет", value: "красный")], price: 9_990, currency: "RUB", available: true),
        Product(
            id: "be1", title: "Пыласос Philips XC3131 чорны", vendor: "Philips",
            categoryPath: ["Бытавая тэхніка", "Пыласосы"], parameters: [.init(name: "Колер", value: "чорны")],
            price: 321, currency: "BYN", available: true, language: .be),
    ]

    static func search() throws -> (VoiceSearch, String) {
        let path = NSTemporaryDirectory() + "vitrina-voice-" + UUID().uuidString
        let writer = try IndexWriter(path: path)
        for product in products { try writer.add(product) }
        try writer.commit()
        return (try VoiceSearch(reader: try IndexReader(path: path)), path)
    }

    @Test func theKindOfProductRanksFirstButStaysSearched() throws {
        let (search, path) = try Self.search()
        defer { try? FileManager.default.removeItem(atPath: path) }
        for phrase in ["телевизоры", "телевизор", "телевизоров"] {
            let result = try search.ask(phrase)
            // The bracket mentions a television; the televisions come first and the word was not dropped.
            #expect(Set(result.hits.prefix(2).map(\.id)) == ["tv1", "tv2"], "\(phrase)")
            #expect(result.parsed.text == phrase)
            #expect(result.categories.first == "Электроника > Телевизоры")
        }
        let cheap = try search.ask("где купить телевизор самсунг дешевле тридцати тысяч")
        #expect(cheap.hits.first?.id == "tv1" && cheap.relaxed.isEmpty)
        #expect(cheap.answer.contains("двадцать четыре тысячи девятьсот девяносто рублей"))
        #expect(cheap.answer.contains("shop.example"))
    }

    @Test func whatShoppersSayIsAnsweredFromTheMentionSummaries() throws {
        let path = NSTemporaryDirectory() + "vitrina-voice-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try IndexWriter(path: path)
        for product in Self.products { try writer.add(product) }
        try writer.commit()
        let topic = #"{"id": "noise", "ru": "шум", "be": "шум", "mentions": 3}"#
        let summaries = """
            {"version": 1, "mentions": 4, "products": {"vc1": {"product": "vc1", "mentions": 4, "positive": 3,
             "negative": 1, "neutral": 0, "meanScore": 0.5, "meanRating": 4.5, "praised": [\(topic)],
             "criticized": []}}}
            """
        try Data(summaries.utf8).write(to: URL(fileURLWithPath: MentionSummaries.path(nextTo: path)))
        let search = try VoiceSearch(
            reader: try IndexReader(path: path), mentions: try MentionSummaries.load(nextTo: path))
        let ru = try search.ask("что говорят о пылесосе филипс")
        #expect(ru.parsed.intent == .reviews && ru.hits.first?.id == "vc1")
        #expect(ru.answer.contains("пишут 4 раза") && ru.answer.contains("75%") && ru.answer.contains("Хвалят: шум"))
        let be = try search.ask("што кажуць пра пыласос філіпс")
        // The Belarusian offer comes first for a Belarusian question; nobody wrote about it.
        #expect(be.parsed.intent == .reviews && be.hits.first?.id == "be1")
        #expect(be.answer == "Водгукаў пра Пыласос Philips XC3131 чорны пакуль няма.")
        // A product nobody wrote about, and a search without summaries, say so instead of guessing.
        #expect(
            try search.ask("отзывы о телевизоре самсунг").answer == "Отзывов о товаре Телевизор Samsung UE43 пока нет.")
        let (plain, plainPath) = try Self.search()
        defer { try? FileManager.default.removeItem(atPath: plainPath) }
        #expect(try plain.ask("что говорят о пылесосе филипс").answer.hasPrefix("Отзывов о товаре"))
    }

    @Test func wishesAboutReviewsReorderTheHitsAndAreExplained() throws {
        let path = NSTemporaryDirectory() + "vitrina-voice-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try IndexWriter(path: path)
        let vacuums = (1...3).map { number in
            Product(
                id: "v\(number)", title: "Пылесос Philips FC\(number)", vendor: "Philips",
                categoryPath: ["Бытовая техника", "Пылесосы"], price: Double(number) * 100, currency: "RUB")
        }
        for product in vacuums { try writer.add(product) }
        try writer.commit()
        let plain = try VoiceSearch(reader: try IndexReader(path: path))
        let order = try plain.ask("тихий пылесос филипс").hits.map(\.id)
        let last = try #require(order.last)
        // Reviews praise the last one's noise level twelve times and never complain.
        let noise = #"{"id": "noise", "ru": "шум", "be": "шум", "mentions": 12}"#
        let summaries = """
            {"version": 1, "mentions": 12, "products": {"\(last)": {"product": "\(last)", "mentions": 12, "positive": 12,
             "negative": 0, "neutral": 0, "meanScore": 0.8, "praised": [\(noise)], "criticized": []}}}
            """
        try Data(summaries.utf8).write(to: URL(fileURLWithPath: MentionSummaries.path(nextTo: path)))
        let search = try VoiceSearch(
            reader: try IndexReader(path: path), mentions: try MentionSummaries.load(nextTo: path))
        let quiet = try search.ask("тихий пылесос филипс")
        #expect(quiet.hits.first?.id == last && quiet.hits.count == order.count)
        #expect(quiet.answer.contains("По отзывам:"))
        // Without a wish about reviews nothing is said about them.
        #expect(try !search.ask("пылесос филипс").answer.contains("По отзывам"))
    }

    @Test func aWordThatLeadsFewOfItsTitlesIsNotABrand() throws {
        let path = NSTemporaryDirectory() + "vitrina-voice-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try IndexWriter(path: path)
        let titles = [
            "Видеокарта RTX 3050 8GB", "Видеокарта Gigabyte RTX 4080 16GB", "Видеокарта MSI RTX 4070 12GB",
            "Видеокарта Palit RTX 4060", "Покрышка 270х47-203 HOTA", "Камера HOTA 20",
        ]
        for (number, title) in titles.enumerated() {
            try writer.add(Product(id: "p\(number)", title: title, price: 100, currency: "BYN"))
        }
        try writer.commit()
        let brands = try IndexVocabulary(reader: try IndexReader(path: path)).titleBrands
        // RTX leads one of the four titles it is in; the others lead theirs.
        #expect(brands == ["Gigabyte", "HOTA", "MSI", "Palit"])
    }

    @Test func theCheapestOfAKindIsOfThatKind() throws {
        let (search, path) = try Self.search()
        defer { try? FileManager.default.removeItem(atPath: path) }
        // The bracket is cheaper but is not a television.
        #expect(try search.ask("самый дешёвый телевизор").hits.first?.id == "tv1")
        #expect(try search.ask("самый дорогой телевизор").hits.first?.id == "tv2")
    }

    @Test func relaxesWordsThenFiltersAndSaysSo() throws {
        let (search, path) = try Self.search()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try search.ask("телевизор самсунг до тысячи рублей")
        #expect(result.relaxed == [.filter(.price)] && result.hits.first?.id == "tv1")
        let stock = try search.ask("телевизор lg в наличии")
        #expect(stock.relaxed == [.filter(.available)] && stock.hits.first?.id == "tv2")
        #expect(result.answer.hasPrefix("Точно такого нет"))
        let nothing = try search.ask("вертолёт")
        #expect(nothing.total == 0 && nothing.answer.contains("не нашла"))
    }

    @Test func belarusianQueriesGetBelarusianAnswers() throws {
        let (search, path) = try Self.search()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try search.ask("колькі каштуе чорны пыласос")
        #expect(result.hits.first?.id == "be1")
        #expect(result.answer == "Пыласос Philips XC3131 чорны каштуе трыста дваццаць адзін рубель.")
        let colour = try search.ask("красный пылесос")
        #expect(colour.hits.first?.id == "vc1")
    }

    @Test func pluralFormsFollowICURules() throws {
        let answer = try SpokenAnswer()
        #expect(answer.money(1, currency: "RUB", .ru) == "один рубль")
        #expect(answer.money(2, currency: "RUB", .ru) == "два рубля")
        #expect(answer.money(5, currency: "RUB", .ru) == "пять рублей")
        #expect(answer.money(21, currency: "BYN", .be) == "дваццаць адзін рубель")
        #expect(answer.money(24, currency: "BYN", .be) == "дваццаць чатыры рублі")
        #expect(answer.money(25.9, currency: "BYN", .be) == "дваццаць пяць рублёў дзевяноста капеек")
        #expect(answer.money(3.21, currency: "RUB", .ru) == "три рубля двадцать одна копейка")
        #expect(answer.money(1_500, currency: "KZT", .ru) == "одна тысяча пятьсот тенге")
        #expect(answer.money(2, currency: "USD", .ru) == "два доллара")
        #expect(answer.money(2, currency: "UAH", .ru) == "две гривны")
        #expect(answer.money(5, currency: "BYN", .ru) == "пять белорусских рублей")
        #expect(answer.accusative(1_200, .ru) == "одну тысячу двести")
        #expect(answer.accusative(1_200, .be) == "адну тысячу дзвесце")
        #expect(PluralCategory(11, language: .ru) == .many && PluralCategory(101, language: .ru) == .one)
    }
}
