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

    @Test func scoresAgreeWithTheReference() {
        // Pieces of both languages' evidence, marker pairs split across pieces, word-list words
        // with a Latin `i`, apostrophes at word edges, long words and other scripts.
        let pieces = [
            "д", "з", "дз", "шч", "ц", "ць", "рэ", "тэ", "чэ", "жэ", "шэ", "цэ", "э", "і", "i", "ў", "и", "щ", "ъ", "'",
            "’", "колькі", "колькi", "дзе", "где", "сколько", "ёсць", "і", "в", "з", "аў", "оў", " ", " ", "-", "5",
            "Ё", "Ў", "І", "Samsung", "é", "中", "\u{0301}", "ааааааааааа", "DЗ", "Дз", "ДЗЕ",
        ]
        var generator = SeededGenerator(seed: 71)
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...8, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            #expect(detector.score(text) == detector.referenceScore(text), "scores of \(text.debugDescription)")
        }
    }

    @Test func ambiguousCyrillicFallsBack() {
        #expect(LanguageDetector().detect("пылесос") == .ru)
        #expect(LanguageDetector(fallback: .be).detect("пылесос") == .be)
    }
}
