import Testing

@testable import VitrinaText

@Suite("Text normalizer")
struct TextNormalizerTests {
    let ru = TextNormalizer(language: .ru)
    let be = TextNormalizer(language: .be)

    @Test func foldsCaseAndYoForRussianOnly() {
        #expect(ru.normalize("ЁЛКА Ёжик") == "елка ежик")
        #expect(be.normalize("ЁСЦЬ") == "ёсць")
        #expect(be.normalize("есць") == "есць")
    }

    @Test func neverOverFoldsShortIAndShortU() {
        #expect(ru.normalize("ЧАЙНИК Й") == "чайник й")
        #expect(be.normalize("ЎЖО Аўтобус") == "ўжо аўтобус")
        // Decomposed й (и + combining breve) composes back to й, not и.
        #expect(ru.normalize("чаи\u{0306}ник") == "чайник")
    }

    @Test func removesStressSoftHyphenAndZeroWidth() {
        #expect(ru.normalize("молоко\u{0301}") == "молоко")
        #expect(ru.normalize("за\u{0301}мок") == "замок")
        #expect(ru.normalize("теле\u{00AD}визор") == "телевизор")
        #expect(ru.normalize("смарт\u{200B}фон") == "смартфон")
        #expect(ru.normalize("пыле\u{200D}сос\u{FEFF}") == "пылесос")
    }

    @Test func appliesNFKC() {
        #expect(ru.normalize("ＳＡＭＳＵＮＧ") == "samsung")
        #expect(ru.normalize("ﬁ") == "fi")
        #expect(ru.normalize("²") == "2")
    }

    @Test func fullCaseFolding() {
        #expect(ru.normalize("STRASSE straße") == "strasse strasse")
    }

    @Test(arguments: ["’", "ʼ", "‘", "`"])
    func unifiesApostrophes(_ apostrophe: String) {
        #expect(be.normalize("сям\(apostrophe)я") == "сям'я")
    }

    @Test func unifiesHyphens() {
        #expect(ru.normalize("робот\u{2011}пылесос") == "робот-пылесос")
        #expect(ru.normalize("робот\u{2010}пылесос") == "робот-пылесос")
    }

    @Test func repairsLatinLookAlikesInCyrillicWords() {
        #expect(ru.normalize("смартфoн") == "смартфон")  // Latin o
        #expect(be.normalize("Рэспублiкi") == "рэспублікі")  // Latin i
        #expect(ru.normalize("TEЛEВИЗOР") == "телевизор")  // Latin T, E, O
    }

    @Test func repairsCyrillicLookAlikesInLatinWords() {
        #expect(ru.normalize("iPhоne") == "iphone")  // Cyrillic о
        #expect(ru.normalize("SАMSUNG") == "samsung")  // Cyrillic А
    }

    @Test func leavesGenuinelyMixedWordsAlone() {
        // ж and g have no look-alikes: nothing to repair.
        #expect(ru.normalize("жg") == "жg")
    }

    @Test func emptyAndAlreadyNormal() {
        #expect(ru.normalize("") == "")
        #expect(ru.normalize("телевизор 55 samsung") == "телевизор 55 samsung")
    }

    @Test func handlesAMegabyteOfText() {
        let text = String(repeating: "Ж", count: 500_000)
        #expect(ru.normalize(text) == String(repeating: "ж", count: 500_000))
    }
}
