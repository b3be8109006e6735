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
        ("полутора тысяч", 1_500), ("тысячу", 1_000), ("пятьюстами", 500), ("2,5 тысячи", 2_500),
        ("30 тыс", 30_000), ("30к", 30_000), ("два с половиной миллиона", 2_500_000),
        ("две тысячи с половиной", 2_500), ("сорок шестого", 46), ("миллион", 1_000_000),
        ("двадцать тысяч пятьсот", 20_500), ("полтысячи", 500), ("сто", 100), ("пятнадцать", 15),
        ("три миллиона двести тысяч", 3_200_000),
    ])
    func russian(_ text: String, _ value: Double) {
        #expect(ru.value(of: text) == value)
    }

    @Test(arguments: [
        ("пяцьсот", 500.0), ("пяцісот", 500), ("дзвесце пяцьдзесят", 250), ("тысяча дзевяцьсот", 1_900),
        ("трыццаць тысяч", 30_000), ("дваццаці пяці тысяч", 25_000), ("адзін", 1), ("паўтара мільёна", 1_500_000),
        ("сто дваццаць восем", 128),
    ])
    func belarusian(_ text: String, _ value: Double) {
        #expect(be.value(of: text) == value)
    }

    @Test func findsNumbersAmongOtherWords() {
        let words = ["телевизор", "самсунг", "дешевле", "тридцати", "тысяч", "рублей"]
        #expect(ru.numbers(in: words) == [SpokenNumber(value: 30_000, range: 3..<5)])
        #expect(ru.numbers(in: ["до", "30", "тысяч"]) == [SpokenNumber(value: 30_000, range: 1..<3)])
    }

    @Test func illFormedSequencesSplit() {
        #expect(ru.numbers(in: ["пять", "шесть"]).map(\.value) == [5, 6])
        #expect(ru.numbers(in: ["двадцать", "тридцать"]).map(\.value) == [20, 30])
        #expect(ru.numbers(in: ["от", "десяти", "до", "двадцати", "тысяч"]).map(\.value) == [10, 20_000])
        #expect(ru.numbers(in: ["128", "256"]).map(\.value) == [128, 256])
    }

    @Test func halfNeedsItsConnectorAndANumber() {
        #expect(ru.numbers(in: ["телевизор", "с", "экраном"]).isEmpty)
        #expect(ru.numbers(in: ["с", "половиной"]).isEmpty)
    }

    @Test func notNumbers() {
        #expect(ru.value(of: "") == nil)
        #expect(ru.value(of: "телевизор") == nil)
        #expect(ru.value(of: "двадцать телевизоров") == nil)
        #expect(be.value(of: "пыласос") == nil)
        #expect(ru.value(of: String(repeating: "ж", count: 1_000_000)) == nil)
    }
}
