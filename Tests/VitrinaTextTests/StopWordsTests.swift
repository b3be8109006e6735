import Testing

@testable import VitrinaText

@Suite("Stop words")
struct StopWordsTests {
    @Test func listsHoldFunctionWordsOnly() {
        #expect(StopWords.russian.contains("и"))
        #expect(StopWords.russian.contains("которые"))
        #expect(StopWords.belarusian.contains("ці"))
        #expect(StopWords.belarusian.contains("гэта"))
        // Words that matter in product search are not stop words.
        for word in ["без", "не", "нет", "для"] { #expect(!StopWords.russian.contains(word)) }
        for word in ["без", "не", "няма", "для"] { #expect(!StopWords.belarusian.contains(word)) }
    }

    @Test func listsAreNormalized() {
        let ru = TextNormalizer(language: .ru)
        let be = TextNormalizer(language: .be)
        #expect(StopWords.russian.allSatisfy { ru.normalize($0) == $0 })
        #expect(StopWords.belarusian.allSatisfy { be.normalize($0) == $0 })
        #expect(StopWords.list(for: .other).isEmpty)
    }
}
