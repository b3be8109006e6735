import Testing

@testable import VitrinaText

@Suite("Transliterator")
struct TransliteratorTests {
    @Test(arguments: [
        ("самсунг", "samsung"), ("Самсунг", "samsung"), ("САМСУНГ", "samsung"), ("филипс", "filips"),
        ("щётка", "shchetka"), ("мышь", "mysh"), ("съёмный", "syemnyy"), ("телевизор Ёлка", "televizor yelka"),
        ("55\" экран", "55\" ekran"), ("Samsung", "samsung"), ("Café", "cafe"), ("iPhone 15", "iphone 15"),
    ])
    func russianSearchKeys(_ text: String, _ key: String) throws {
        #expect(try Transliterator.cyrillicToLatin(.ru).searchKey(text) == key)
    }

    @Test(arguments: [("ліфт", "lift"), ("пыласос", "pylasos"), ("галоўны", "halowny"), ("Мінск", "minsk")])
    func belarusianSearchKeys(_ text: String, _ key: String) throws {
        #expect(try Transliterator.cyrillicToLatin(.be).searchKey(text) == key)
    }

    @Test func bgnIdsExistInThisICU() throws {
        #expect(try Transliterator.cyrillicToLatin(.ru).id == "Russian-Latin/BGN")
        #expect(try Transliterator.cyrillicToLatin(.be).id == "Belarusian-Latin/BGN")
        #expect(try Transliterator.cyrillicToLatin(.other).id == "Cyrillic-Latin")
        #expect(try Transliterator.latinToCyrillic().id == "Latin-Russian/BGN; Latin-Cyrillic")
    }

    @Test func transliterateKeepsDiacriticsAndCase() throws {
        let ru = try Transliterator.cyrillicToLatin(.ru)
        #expect(ru.transliterate("Филипс") == "Filips")
        #expect(ru.transliterate("щётка") == "shchëtka")
    }

    @Test(arguments: [
        ("samsung", "самсунг"), ("shchetka", "щетка"), ("chaynik", "чайник"), ("yandex", "яндекс"),
        ("honor", "хонор"), ("xiaomi", "ксиаоми"), ("Bosch 2000", "Босч 2000"),
    ])
    func latinToCyrillic(_ text: String, _ cyrillic: String) throws {
        #expect(try Transliterator.latinToCyrillic().transliterate(text) == cyrillic)
    }

    @Test func unknownIdIsAClearError() {
        #expect(throws: ICUError.self) { try Transliterator(id: "Klingon-Latin") }
        #expect(throws: ICUError.self) { try Transliterator(id: "") }
    }

    @Test func emptyLongAndOddText() throws {
        let ru = try Transliterator.cyrillicToLatin(.ru)
        #expect(ru.transliterate("") == "")
        #expect(ru.searchKey("") == "")
        #expect(ru.searchKey("123 !? 😀") == "123 !? 😀")  // what Latin-ASCII cannot fold stays
        let long = String(repeating: "ж", count: 1_000_000)
        let key = ru.searchKey(long)
        #expect(key.utf8.count == 2_000_000)
        #expect(key.hasPrefix("zhzh"))
        // Invalid UTF-8 cannot reach a Swift String; a lone replacement character survives.
        #expect(ru.transliterate("\u{FFFD}") == "\u{FFFD}")
    }

    @Test func longTextIsCutBetweenWords() throws {
        let words = String(repeating: "елка ", count: 1_000)
        let pieces = Transliterator.pieces(of: words)
        #expect(pieces.count > 1)
        #expect(pieces.joined() == words)
        #expect(pieces.dropLast().allSatisfy { $0.hasSuffix(" ") })
        // `е` at the start of a word is `ye`: every word still sees its start.
        let ru = try Transliterator.cyrillicToLatin(.ru)
        #expect(ru.transliterate(words) == String(repeating: "yelka ", count: 1_000))
        let letters = String(repeating: "ж", count: 5_000)
        #expect(Transliterator.pieces(of: letters).joined() == letters)
        #expect(Transliterator.pieces(of: "").isEmpty)
    }

    @Test func sharedBetweenTasks() async throws {
        let ru = try Transliterator.cyrillicToLatin(.ru)
        await withTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { ru.searchKey("самсунг") } }
            for await key in group { #expect(key == "samsung") }
        }
    }
}
