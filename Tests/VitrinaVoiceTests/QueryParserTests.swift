import Testing
import VitrinaModel

@testable import VitrinaVoice

@Suite("Voice query parser")
struct QueryParserTests {
    static let parser: QueryParser? = try? QueryParser(
        vocabulary: StaticVocabulary(
            vendors: ["Samsung", "Apple", "Xiaomi", "Philips", "ATLANT", "De'Longhi", "LG", "Bosch"],
            words: ["смартфон", "телевизор"]))

    static func parse(_ text: String) throws -> VoiceQuery {
        try #require(parser).parse(text)
    }

    @Test func theIssueExample() throws {
        let query = try Self.parse("Алиса, где купить телевизор самсунг дешевле тридцати тысяч?")
        #expect(query.language == .ru && query.intent == .whereToBuy && query.text == "телевизор самсунг")
        #expect(query.words.map(\.role) == [.product, .brand])
        #expect(query.filters.price == .init(min: nil, max: 30_000, currency: "RUB"))
        #expect(query.filters.vendor == ["Samsung"] && query.sort == .relevance)
    }

    @Test(arguments: [
        ("где можно купить чайник", VoiceQuery.Intent.whereToBuy), ("у якой краме ёсць чайнік", .whereToBuy),
        ("сколько стоит утюг", .price), ("колькі каштуе пыласос", .price), ("почём телевизор", .price),
        ("есть ли в наличии кофемашина", .availability), ("ці ёсць у вас чайнік", .availability),
        ("какой лучше пылесос", .recommend), ("які лепш халадзільнік", .recommend), ("посоветуй наушники", .recommend),
        ("чем отличается айфон от самсунга", .compare), ("чым адрозніваецца", .compare), ("телевизор", .search),
        ("что говорят о пылесосе дайсон", .reviews), ("отзывы на чайник", .reviews),
        ("што кажуць пра чайнік", .reviews),
        ("пылесос с хорошими отзывами", .search),
    ])
    func intents(text: String, intent: VoiceQuery.Intent) throws {
        #expect(try Self.parse(text).intent == intent, "\(text)")
    }

    @Test(arguments: [
        ("телевизор до 30000", nil as Double?, 30_000.0 as Double?, "RUB"),
        ("телевизор не дороже тридцати тысяч рублей", nil, 30_000, "RUB"),
        ("пылесос от пяти до десяти тысяч", 5_000, 10_000, "RUB"),
        ("от 2 до 5 тысяч", 2_000, 5_000, "RUB"),
        ("чайник дешевле 30к", nil, 30_000, "RUB"),
        ("смартфон дороже пятидесяти тысяч", 50_000, nil, "RUB"),
        ("телевизор около сорока тысяч", 32_000, 48_000, "RUB"),
        ("пыласос да пяцісот рублёў", nil, 500, "BYN"),
        ("телевизор до тысячи белорусских рублей", nil, 1_000, "BYN"),
        ("ноутбук в пределах 50 тысяч ₽", nil, 50_000, "RUB"),
        ("смартфон до пятисот долларов", nil, 500, "USD"),
    ])
    func prices(text: String, min: Double?, max: Double?, currency: String) throws {
        let price = try Self.parse(text).filters.price
        #expect(price == .init(min: min, max: max, currency: currency), "\(text)")
    }

    @Test(arguments: [
        ("самый дешёвый смартфон", VoiceQuery.Sort.priceAscending), ("самы танны чайнік", .priceAscending),
        ("недорогой пылесос", .priceAscending), ("самый дорогой телевизор", .priceDescending),
        ("последняя модель смартфона", .newest), ("апошняя мадэль тэлевізара", .newest), ("новинки", .newest),
        ("пылесос с хорошими отзывами", .rating), ("лучший чайник", .rating), ("телевизор", .relevance),
    ])
    func sorts(text: String, sort: VoiceQuery.Sort) throws {
        #expect(try Self.parse(text).sort == sort, "\(text)")
    }

    @Test func coloursBrandsUnitsSizesAndModels() throws {
        let phone = try Self.parse("айфон пятнадцать про сто двадцать восемь гигабайт в чёрном цвете")
        #expect(phone.filters.vendor == ["Apple"] && phone.filters.color == ["чёрный"])
        #expect(phone.text.hasPrefix("iphone 15 pro 128 гб") && phone.filters.units == ["128 гб"])
        let shoes = try Self.parse("кроссовки сорок шестого размера белые")
        #expect(shoes.filters.size == "46" && shoes.filters.color == ["белый"] && shoes.text == "кроссовки 46 белые")
        let be = try Self.parse("чырвоны чайнік філіпс")
        #expect(be.language == .be && be.filters.color == ["красный"] && be.filters.vendor == ["Philips"])
        #expect(try Self.parse("ксяоми").filters.vendor == ["Xiaomi"])
        #expect(try Self.parse("атлант").filters.vendor == ["ATLANT"])
        #expect(try Self.parse("делонги").filters.vendor == ["De'Longhi"])
        #expect(try Self.parse("серия пылесосов").filters.color.isEmpty)  // «серия» is not «серый»
    }

    @Test func stockDiscountWakeAndFillers() throws {
        let query = try Self.parse("окей гугл покажи пожалуйста смартфоны самсунг в наличии со скидкой")
        #expect(query.filters.available == true && query.filters.discount == true)
        #expect(query.text == "смартфоны самсунг" && query.filters.vendor == ["Samsung"])
        // Asking whether something is in stock wants stock (search decides whether it can filter).
        let stock = try Self.parse("есть ли в наличии чайник бош")
        #expect(stock.filters.available == true && stock.intent == .availability && stock.text == "чайник бош")
        #expect(try Self.parse("ці ёсць у наяўнасці чайнік").filters.available == true)
        for wake in ["слушай алиса", "сбер", "джой", "окей гугл", "маруся"] {
            #expect(try Self.parse("\(wake) чайник").text == "чайник", "\(wake)")
        }
    }

    @Test func codesStayAsSaid() throws {
        let query = try Self.parse("где купить ось для колеса коляски 001234")
        #expect(query.text == "ось колеса коляски 001234")
        #expect(query.words.last == .init(text: "001234", role: .code))
        #expect(try Self.parse("шины 5x114 r17").words.map(\.role) == [.product, .code, .code])
        #expect(try Self.parse("айфон пятнадцать").text == "iphone 15")
    }

    @Test func digitGroupsAndCatalogCurrencies() throws {
        #expect(try Self.parse("телевизор до 30 000 ₽").filters.price == .init(min: nil, max: 30_000, currency: "RUB"))
        func price(_ text: String, _ currencies: [String]) throws -> VoiceQuery.PriceRange? {
            try QueryParser(vocabulary: StaticVocabulary(vendors: [], currencies: currencies)).parse(text).filters.price
        }
        #expect(try price("чайник до двухсот рублей", ["BYN"])?.currency == "BYN")
        #expect(try price("чайник до двухсот рублей", ["RUB"])?.currency == "RUB")
        #expect(try price("чайник до двухсот рублей", ["RUB", "BYN"])?.currency == "RUB")
        #expect(try price("чайнік да двухсот рублёў", ["RUB", "BYN"])?.currency == "BYN")
        #expect(try price("чайник дешевле 500", ["KZT"])?.currency == "KZT")
        #expect(try price("чайник до 500 тенге", ["RUB"])?.currency == "KZT")
    }

    @Test func buyingPhrasesAreWhereToBuy() throws {
        #expect(try Self.parse("купить чайник").intent == .whereToBuy)
        let cheaper = try Self.parse("где дешевле купить чайник")
        #expect(cheaper.intent == .whereToBuy && cheaper.sort == .priceAscending && cheaper.text == "чайник")
    }

    @Test func wrongKeyboardLayoutIsRepaired() throws {
        // A whole query typed in the wrong layout: «где купить телевизор».
        let whole = try Self.parse("ult regbnm ntktdbpjh")
        #expect(whole.intent == .whereToBuy && whole.text == "телевизор")
        #expect(try Self.parse("ntktdbpjh").text == "телевизор")
        #expect(try Self.parse("cvfhnajy").text == "смартфон")  // known to the catalog
        #expect(try Self.parse("samsung").filters.vendor == ["Samsung"])  // a real Latin word stays
        #expect(try Self.parse("адаптер lres 3002 pf").text == "адаптер lres 3002 pf")  // part of a code
    }

    @Test func aBelarusianFrameAroundARussianProductNameIsBelarusian() throws {
        #expect(try Self.parse("колькі каштуе смеситель для кухни").language == .be)
        #expect(try Self.parse("пакажыце самыя танныя телевизоры").language == .be)
        #expect(try Self.parse("покажите самые дешёвые телевизоры").language == .ru)
    }

    @Test func aNumberWithAUnitIsAFeatureEvenAfterAPriceCue() throws {
        let query = try Self.parse("кондиционер до 27 м²")
        #expect(query.filters.price == nil)
        #expect(query.filters.units == ["27 м²"])
        #expect(try Self.parse("кондиционер до 27 м2").filters.units == ["27 м²"])
    }

    @Test func aCodeWithLeadingZerosIsNeverAPrice() throws {
        let query = try Self.parse("ось до 001234")
        #expect(query.filters.price == nil)
        #expect(query.words.contains(.init(text: "001234", role: .code)))
    }

    @Test func codeLettersBetweenNumbersAreNeitherThousandsNorRoubles() throws {
        // «Костюм Пуговка / 4010 к-18-26 (р.98-52)» said aloud.
        let query = try Self.parse("костюм пуговка 4010 к 18 26 р 98-52")
        #expect(query.filters.price == nil)
        #expect(query.text == "костюм пуговка 4010 18 26 р 98-52")
        #expect(try Self.parse("костюм до 26 р").filters.price?.max == 26)
        #expect(try Self.parse("костюм до 26 р 98-52").filters.price?.max == 26)  // a cue says price
        #expect(try Self.parse("ноутбук до 30 к").filters.price?.max == 30_000)
    }

    @Test func hesitationsAreFillersButMillimetresAreAUnit() throws {
        #expect(try Self.parse("мм покажи самые дорогие смартфоны").text == "смартфоны")
        #expect(try Self.parse("хм эм ноутбук").text == "ноутбук")
        #expect(try Self.parse("саморез 4 мм").filters.units.count == 1)
    }

    @Test func numbersAndCodesMayRepeatOtherWordsCountOnce() throws {
        #expect(try Self.parse("видеокарта rtx 4080 gv n 4080").text == "видеокарта rtx 4080 gv n 4080")
        #expect(try Self.parse("телевизор ну телевизор samsung").words.filter { $0.text == "телевизор" }.count == 1)
    }

    @Test func anOrderWordOfTheCatalogsTitlesBesideACodeIsPartOfTheName() throws {
        let parser = try QueryParser(
            vocabulary: StaticVocabulary(vendors: ["Honor"], words: ["недорогой", "смартфон"]))
        let named = try parser.parse("смартфон недорогой хонор a2400")
        #expect(named.sort == .relevance && named.text == "смартфон недорогой хонор a2400")
        #expect(try parser.parse("смартфон недорогой хонор a 2400").sort == .relevance)
        #expect(try parser.parse("недорогой смартфон хонор").sort == .priceAscending)
        #expect(try Self.parse("недорогой смартфон a2400").sort == .priceAscending)  // not a title word here
    }

    @Test func aBrandSaidInTwoWordsIsOneBrand() throws {
        let query = try Self.parse("стиральная машина эл джи")
        #expect(query.filters.vendor == ["LG"])
        #expect(query.words.map(\.role) == [.product, .product, .brand])
    }

    @Test func aBrandGuessedFromTitlesIsFoundOnlyForAWordTheCatalogLacks() throws {
        let parser = try QueryParser(
            vocabulary: StaticVocabulary(
                vendors: ["Janome"], words: ["шестеренки", "лиса", "адамикс", "smart"],
                titleBrands: ["ROAN", "HOTA", "LISA", "ADAMEX", "SMART"]))
        #expect(try parser.parse("хочу посмотреть шестеренки фирмы роан").filters.vendor == ["ROAN"])
        #expect(try parser.parse("покрышки от хота").filters.vendor == ["HOTA"])
        #expect(try parser.parse("где купить джаноме vs 50").filters.vendor == ["Janome"])
        #expect(try parser.parse("жаноме dc 3600").filters.vendor == ["Janome"])
        // A word the catalog has as typed names a brand only after a cue.
        #expect(try parser.parse("пилка лиса").filters.vendor.isEmpty)
        #expect(try parser.parse("пилка марки лиса").filters.vendor == ["LISA"])
        #expect(try parser.parse("шестеренки адамикс").filters.vendor.isEmpty)
        #expect(try parser.parse("шестеренки фирмы адамикс").filters.vendor == ["ADAMEX"])
        #expect(try parser.parse("телевизор smart").filters.vendor.isEmpty)
    }

    @Test(arguments: ["", "   ", "!!! ???", "ъъъ ыыы", String(repeating: "телевизор самсунг ", count: 400)])
    func oddInputNeverFails(text: String) throws {
        let query = try Self.parse(text)
        #expect(query.text.count <= QueryParser.maximumLength)
        #expect(query.intent == .search)
    }
}

@Suite("Voice query parser: recommendations")
struct RecommendationTests {
    @Test(arguments: ["какой пылесос лучше выбрать", "які чайнік лепш", "посоветуй наушники"])
    func aQuestionAboutTheBestIsARecommendationSortedByRating(text: String) throws {
        let query = try QueryParserTests.parse(text)
        #expect(query.intent == .recommend && query.sort == .rating, "\(text)")
    }
}
