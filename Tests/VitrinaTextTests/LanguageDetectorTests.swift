import Testing

@testable import VitrinaText

@Suite("Language detection")
struct LanguageDetectorTests {
    let detector = LanguageDetector()

    @Test(arguments: [
        "колькі каштуе пыласос",
        "дзе купіць тэлевізар",
        "ці ёсць у наяўнасці",
        "сям'я",
        "Рэспублiкi Беларусь",  // Latin i typed for і
        "апошняя мадэль смартфона",
        "пакажы самы танны",
    ])
    func belarusian(_ text: String) {
        #expect(detector.detect(text) == .be)
    }

    @Test(arguments: [
        "где купить телевизор самсунг",
        "сколько стоит пылесос",
        "есть ли в наличии",
        "самый дешёвый холодильник",
        "Смартфон Xiaomi с экраном",
    ])
    func russian(_ text: String) {
        #expect(detector.detect(text) == .ru)
    }

    @Test func otherForTextWithoutCyrillic() {
        #expect(detector.detect("Samsung Galaxy S24 Ultra") == .other)
        #expect(detector.detect("") == .other)
        #expect(detector.detect("12345 !!!") == .other)
    }

    @Test func ambiguousCyrillicFallsBack() {
        #expect(LanguageDetector().detect("пылесос") == .ru)
        #expect(LanguageDetector(fallback: .be).detect("пылесос") == .be)
    }
}
