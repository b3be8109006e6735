import Testing

@testable import VitrinaText

@Suite("Sound keys")
struct SoundKeyTests {
    /// Brand names as catalogs write them and as shoppers say them share a key.
    @Test(arguments: [
        ("Samsung", "самсунг"), ("Philips", "филипс"), ("Xiaomi", "сяоми"), ("Xiaomi", "ксиоми"), ("Bosch", "бош"),
        ("Huawei", "хуавей"), ("Honor", "хонор"), ("Electrolux", "электролюкс"), ("De'Longhi", "делонги"),
        ("Indesit", "индезит"), ("Gorenje", "горенье"), ("Haier", "хайер"), ("Zanussi", "занусси"),
        ("Scarlett", "скарлет"), ("Dyson", "дайсон"), ("Zepter", "цептер"), ("ATLANT", "атлант"),
        ("Thomas", "томас"), ("Lenovo", "леново"),
    ])
    func latinAndCyrillicSpellingsMeet(_ latin: String, _ spoken: String) {
        #expect(SoundKey.key(latin) != nil)
        #expect(SoundKey.key(latin) == SoundKey.key(spoken))
    }

    @Test(arguments: [("Samsung", "philips"), ("телевизор", "samsung"), ("bosch", "beko"), ("sony", "lg")])
    func differentNamesDiffer(_ one: String, _ other: String) {
        #expect(SoundKey.key(one) != SoundKey.key(other))
    }

    @Test func codesShortWordsAndOtherScriptsHaveNoKey() {
        #expect(SoundKey.key("rx570") == nil)
        #expect(SoundKey.key("lg") == nil)
        #expect(SoundKey.key("ab") == nil)
        #expect(SoundKey.key("") == nil)
        #expect(SoundKey.key("καλημέρα") == nil)
        #expect(SoundKey.key("samsung") == "samsang")
    }
}
