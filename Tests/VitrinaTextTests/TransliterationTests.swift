import Testing

@testable import VitrinaText

@Suite("Transliteration and keyboard layouts")
struct TransliterationTests {
    @Test func cyrillicBrandsMeetLatinSpelling() throws {
        let ru = try Transliterator.cyrillicToLatin(.ru)
        #expect(ru.searchKey("самсунг") == "samsung")
        #expect(ru.searchKey("Самсунг") == "samsung")
        #expect(ru.searchKey("филипс") == "filips")
        #expect(ru.searchKey("щётка") == "shchetka")
        let be = try Transliterator.cyrillicToLatin(.be)
        #expect(be.searchKey("ліфт") == "lift")
    }

    @Test func latinToCyrillic() throws {
        let cyrillic = try Transliterator.latinToCyrillic()
        #expect(cyrillic.transliterate("samsung") == "самсунг")
    }

    @Test func unknownIdIsAClearError() {
        #expect(throws: ICUError.self) { try Transliterator(id: "Klingon-Latin") }
    }

    @Test func emptyAndLongText() throws {
        let ru = try Transliterator.cyrillicToLatin(.ru)
        #expect(ru.transliterate("") == "")
        let long = String(repeating: "ж", count: 100_000)
        #expect(ru.transliterate(long) == String(repeating: "zh", count: 100_000))
    }

    @Test(arguments: [
        ("cvfhnajy", "смартфон"), ("ntktdbpjh", "телевизор"), ("ghbdtn", "привет"), ("Ctqa", "Сейф"),
        ("gsktcjc", "пылесос"),
    ])
    func englishToRussian(_ typed: String, _ meant: String) {
        #expect(KeyboardLayout.convert(typed, from: .english, to: .russian) == meant)
    }

    @Test func russianToEnglishAndBelarusian() {
        #expect(KeyboardLayout.convert("ыьфкеащт", from: .russian, to: .english) == "smartfon")
        #expect(KeyboardLayout.convert("gskfcjc", from: .english, to: .belarusian) == "пыласос")
        #expect(KeyboardLayout.convert("ghscnforf", from: .english, to: .belarusian) == "прыстаўка")
        #expect(KeyboardLayout.convert("123 !?", from: .english, to: .russian) == "123 !?")
        #expect(KeyboardLayout.convert("", from: .english, to: .russian) == "")
    }

    @Test func roundTripsAreLossless() {
        let text = "Телевизор Самсунг 55 дюймов!"
        let there = KeyboardLayout.convert(text, from: .russian, to: .english)
        #expect(KeyboardLayout.convert(there, from: .english, to: .russian) == text)
    }

    @Test func likelyLayout() {
        #expect(KeyboardLayout.likelyLayout(of: "cvfhnajy") == .english)
        #expect(KeyboardLayout.likelyLayout(of: "пылесос") == .russian)
        #expect(KeyboardLayout.likelyLayout(of: "прыстаўка") == .belarusian)
    }
}
