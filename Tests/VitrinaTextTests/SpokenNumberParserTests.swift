import Testing

@testable import VitrinaText

@Suite("Spoken numbers")
struct SpokenNumberParserTests {
    let ru: SpokenNumberParser
    let be: SpokenNumberParser

    init() throws {
        ru = try SpokenNumberParser(language: .ru)
        be = try SpokenNumberParser(language: .be)
    }

    @Test(arguments: [
        ("двадцать пять", 25.0), ("двадцати пяти тысяч", 25_000), ("тридцать тысяч", 30_000),
        ("тридцати тысяч", 30_000), ("сто двадцать восемь", 128), ("полтора миллиона", 1_500_000),
        ("полутора тысяч", 1_500), ("полторы тысячи", 1_500), ("тысячу", 1_000), ("тысяч", 1_000),
        ("пятьюстами", 500), ("двумястами пятьюдесятью", 250), ("восьмьюстами", 800), ("восемьюстами", 800),
        ("2,5 тысячи", 2_500), ("2.5 тысячи", 2_500), ("30 тыс", 30_000), ("30 тыс.", 30_000),
        ("30 тыщ", 30_000), ("30к", 30_000), ("30 к", 30_000), ("30k", 30_000), ("5 млн", 5_000_000),
        ("1,2 млрд", 1_200_000_000), ("два с половиной миллиона", 2_500_000), ("две тысячи с половиной", 2_500),
        ("сорок шестого", 46), ("миллион", 1_000_000), ("двадцать тысяч пятьсот", 20_500), ("полтысячи", 500),
        ("сто", 100), ("пятнадцать", 15), ("три миллиона двести тысяч", 3_200_000), ("одну тысячу", 1_000),
        ("тысяча девятьсот", 1_900), ("2 тысячи 500", 2_500), ("ноль", 0), ("нуль", 0), ("одною", 1),
        ("ТРИДЦАТЬ Тысяч", 30_000), ("девятьсот девяносто девять тысяч девятьсот девяносто девять", 999_999),
        ("128", 128), ("двадцать первый", 21),
    ])
    func russian(_ text: String, _ value: Double) {
        #expect(ru.value(of: text) == value)
    }

    @Test(arguments: [
        ("пяцьсот", 500.0), ("пяцісот", 500), ("дзвесце пяцьдзесят", 250), ("тысяча дзевяцьсот", 1_900),
        ("трыццаць тысяч", 30_000), ("дваццаці пяці тысяч", 25_000), ("адзін", 1), ("паўтара мільёна", 1_500_000),
        ("сто дваццаць восем", 128), ("пяццюстамі", 500), ("дзвюма тысячамі", 2_000), ("30 тыс", 30_000),
        ("два з паловай мільёна", 2_500_000), ("тысячу", 1_000), ("дваццаць першы", 21), ("першы", 1),
    ])
    func belarusian(_ text: String, _ value: Double) {
        #expect(be.value(of: text) == value)
    }

    /// Issue 12, finding 6: «4K» became 4000 (`телевизор 4K` searched for «телевизор 4000»).
    @Test func resolutionsAreWordsUnlessAPriceIsSaid() {
        for word in ["4k", "4к", "8k", "8к", "2к", "5k", "6к"] {
            #expect(ru.numbers(in: ["телевизор", word]).isEmpty, "\(word)")
            #expect(be.numbers(in: ["тэлевізар", word]).isEmpty, "\(word)")
        }
        #expect(
            ru.numbers(in: ["телевизор", "4k", "за", "40", "тысяч"]) == [SpokenNumber(value: 40_000, range: 3..<5)])
        #expect(ru.numbers(in: ["наушники", "до", "4к"]) == [SpokenNumber(value: 4_000, range: 2..<3)])
        #expect(ru.numbers(in: ["4к", "рублей"]) == [SpokenNumber(value: 4_000, range: 0..<1)])
        #expect(be.numbers(in: ["да", "8к"]) == [SpokenNumber(value: 8_000, range: 1..<2)])
        #expect(ru.numbers(in: ["30к"]) == [SpokenNumber(value: 30_000, range: 0..<1)])
        #expect(ru.value(of: "3к") == 3_000)
    }

    @Test func findsNumbersAmongOtherWords() {
        let words = ["телевизор", "самсунг", "дешевле", "тридцати", "тысяч", "рублей"]
        #expect(ru.numbers(in: words) == [SpokenNumber(value: 30_000, range: 3..<5)])
        #expect(ru.numbers(in: ["до", "30", "тысяч"]) == [SpokenNumber(value: 30_000, range: 1..<3)])
        #expect(ru.numbers(in: ["до", "тридцати", "тысяч", "рублей"]) == [SpokenNumber(value: 30_000, range: 1..<3)])
        let spoken = ["колькі", "каштуе", "пыласос", "за", "пяцьсот", "рублёў"]
        #expect(be.numbers(in: spoken) == [SpokenNumber(value: 500, range: 4..<5)])
        #expect(
            ru.numbers(in: ["от", "полутора", "до", "двух", "с", "половиной", "тысяч"]) == [
                SpokenNumber(value: 1.5, range: 1..<2), SpokenNumber(value: 2_500, range: 3..<7),
            ])
    }

    @Test func illFormedSequencesSplit() {
        #expect(
            ru.numbers(in: ["пять", "шесть"]) == [
                SpokenNumber(value: 5, range: 0..<1), SpokenNumber(value: 6, range: 1..<2),
            ])
        #expect(ru.numbers(in: ["двадцать", "тридцать"]).map(\.value) == [20, 30])
        #expect(ru.numbers(in: ["пятнадцать", "три"]).map(\.value) == [15, 3])
        #expect(ru.numbers(in: ["сто", "двести"]).map(\.value) == [100, 200])
        #expect(ru.numbers(in: ["тысяча", "миллион"]).map(\.value) == [1_000, 1_000_000])
        #expect(ru.numbers(in: ["от", "десяти", "до", "двадцати", "тысяч"]).map(\.value) == [10, 20_000])
        #expect(ru.numbers(in: ["128", "256"]).map(\.value) == [128, 256])
        #expect(ru.numbers(in: ["30", "пять"]).map(\.value) == [30, 5])
        #expect(ru.value(of: "пять шесть") == nil)
        #expect(ru.value(of: "двадцать тридцать") == nil)
    }

    @Test func ordinaryWordsAreNotNumbers() {
        // "в два раза дешевле": 2 is a number, "раза" is not.
        #expect(ru.numbers(in: ["в", "два", "раза", "дешевле"]) == [SpokenNumber(value: 2, range: 1..<2)])
        for word in ["раз", "пара", "сотня", "штук", "двое", "телевизор", "к", "с", "половина", "тыс"] {
            #expect(ru.value(of: word) == (word == "тыс" ? 1_000 : nil), "\(word)")
        }
        // `к` is a preposition unless it follows digits; `с` only opens `с половиной`.
        #expect(ru.numbers(in: ["к", "пятнице"]).isEmpty)
        #expect(ru.numbers(in: ["два", "к", "пятнице"]).map(\.value) == [2])
        // Followed by digits, `к` is a letter of a code: «4010 к-18-26».
        #expect(ru.numbers(in: ["4010", "к", "18", "26"]).map(\.value) == [4010, 18, 26])
        #expect(ru.numbers(in: ["yn", "900", "5500", "k"]).map(\.value) == [900, 5500])
        // A teen never follows tens: «девяносто восемнадцать» is a code said in pairs (9018).
        #expect(ru.numbers(in: ["девяносто", "восемнадцать"]).map(\.value) == [90, 18])
        #expect(be.numbers(in: ["дзевяноста", "васямнаццаць"]).map(\.value) == [90, 18])
        #expect(ru.value(of: "сто восемнадцать") == 118)
        #expect(ru.numbers(in: ["до", "30", "k"]).map(\.value) == [30_000])
        #expect(ru.numbers(in: ["30", "k", "рублей"]).map(\.value) == [30_000])
        #expect(ru.numbers(in: ["телевизор", "с", "экраном"]).isEmpty)
        #expect(ru.numbers(in: ["с", "половиной"]).isEmpty)
        #expect(ru.numbers(in: ["полтысячи", "с", "половиной"]).map(\.value) == [500])
        #expect(be.value(of: "пыласос") == nil)
    }

    @Test func vocabularyComesFromICUAndTablesFillTheGaps() throws {
        let ruWords = try SpellOutVocabulary.words(for: .ru)
        #expect(ruWords["пятьюстами"] == .cardinal(500, rank: 3, closesGroup: false))
        #expect(ruWords["двадцатью"] == .cardinal(20, rank: 2, closesGroup: false))
        #expect(ruWords["тысячами"] == .scale(1_000))
        #expect(ruWords["полтора"] == nil)
        let beWords = try SpellOutVocabulary.words(for: .be)
        #expect(beWords["пяцьсот"] == .cardinal(500, rank: 3, closesGroup: false))
        #expect(beWords["адзін"] == .cardinal(1, rank: 1, closesGroup: false))  // Latin `i` repaired
        #expect(beWords["пяцісот"] == nil)
        #expect(NumberWordTables.belarusian["пяцісот"] == .cardinal(500, rank: 3, closesGroup: false))
    }

    @Test func digits() {
        #expect(SpokenNumberParser.digitValue("30") == .digits(30))
        #expect(SpokenNumberParser.digitValue("2,5") == .digits(2.5))
        #expect(SpokenNumberParser.digitValue("30тыс") == .complete(30_000))
        #expect(SpokenNumberParser.digitValue("1.2.3") == nil)
        #expect(SpokenNumberParser.digitValue("128гб") == nil)
        #expect(SpokenNumberParser.digitValue(String(repeating: "9", count: 400)) == nil)
    }

    @Test func badInputIsQuick() {
        #expect(ru.value(of: "") == nil)
        #expect(ru.value(of: "   ,.!") == nil)
        #expect(ru.numbers(in: []).isEmpty)
        #expect(ru.numbers(in: ["", "", ""]).isEmpty)
        #expect(ru.value(of: "телевизор") == nil)
        #expect(ru.value(of: "двадцать телевизоров") == nil)
        #expect(ru.value(of: String(repeating: "ж", count: 1_000_000)) == nil)
        #expect(be.value(of: String(repeating: "дв", count: 500_000)) == nil)
        // 50,000 different made-up words, many starting like number words: ICU's slow lenient
        // parse is asked about at most `icuLookupsPerCall` of them.
        var seed: UInt64 = 42
        let letters = Array("абвгдежзиклмнопрстуфхцчшыьэюя")
        let words = (0..<50_000).map { _ in
            String(
                (0..<8).map { _ in
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    return letters[Int(seed >> 33) % letters.count]
                })
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = ru.numbers(in: words.map { "дв" + $0 }) }
        #expect(elapsed < .seconds(5))
        let many = Array(repeating: "двадцать", count: 100_000)
        #expect(ru.numbers(in: many).count == 100_000)
    }

    @Test func sharedBetweenTasks() async {
        let parser = ru
        await withTaskGroup(of: Double?.self) { group in
            for _ in 0..<8 { group.addTask { parser.value(of: "двадцати пяти тысяч") } }
            for await value in group { #expect(value == 25_000) }
        }
    }
}
