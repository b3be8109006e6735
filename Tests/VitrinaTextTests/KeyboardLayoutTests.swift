import Testing

@testable import VitrinaText

@Suite("Keyboard layouts")
struct KeyboardLayoutTests {
    @Test(arguments: [
        ("cvfhnajy", "смартфон"), ("ntktdbpjh", "телевизор"), ("ghbdtn", "привет"), ("Ctqa", "Сейф"),
        ("gsktcjc", "пылесос"), ("yjen,er", "ноутбук"), ("`krf", "ёлка"), ("[jkjlbkmybr", "холодильник"),
        ("'ktrnhjxfqybr", "электрочайник"), ("<fhf,fy", "Барабан"), ("ndjq 55\"", "твой 55Э"),
    ])
    func englishToRussian(_ typed: String, _ meant: String) {
        #expect(KeyboardLayout.convert(typed, from: .english, to: .russian) == meant)
    }

    @Test(arguments: [
        ("ыьфкеащт", "smartfon"), ("Ызфкы", "Spars"), ("руддщ цщкдв", "hello world"), ("ЫФЬЫГТП", "SAMSUNG"),
    ])
    func russianToEnglish(_ typed: String, _ meant: String) {
        #expect(KeyboardLayout.convert(typed, from: .russian, to: .english) == meant)
    }

    @Test func belarusian() {
        #expect(KeyboardLayout.convert("gskfcjc", from: .english, to: .belarusian) == "пыласос")
        #expect(KeyboardLayout.convert("ghscnforf", from: .english, to: .belarusian) == "прыстаўка")
        #expect(KeyboardLayout.convert("f,]zdf", from: .english, to: .belarusian) == "аб'ява")
        #expect(KeyboardLayout.convert("Vbycr", from: .english, to: .belarusian) == "Мінск")
        #expect(KeyboardLayout.convert("аб'ява", from: .belarusian, to: .english) == "f,]zdf")
        // Same physical keys: и ↔ і, щ ↔ ў, ъ ↔ '.
        #expect(KeyboardLayout.convert("щиъ", from: .russian, to: .belarusian) == "ўі'")
        #expect(KeyboardLayout.convert("ўі'", from: .belarusian, to: .russian) == "щиъ")
    }

    @Test func unmappedCharactersStay() {
        #expect(KeyboardLayout.convert("123 !?/-", from: .english, to: .russian) == "123 !?/-")
        #expect(KeyboardLayout.convert("", from: .english, to: .russian) == "")
        #expect(KeyboardLayout.convert("日本 😀", from: .russian, to: .english) == "日本 😀")
        #expect(KeyboardLayout.convert("abc", from: .english, to: .english) == "abc")
        #expect(KeyboardLayout.convert("Ωλ", from: .belarusian, to: .english) == "Ωλ")
        // Not lossless: a Russian comma is on no letter key, but QWERTY `,` is `б`.
        #expect(KeyboardLayout.convert("да, нет", from: .russian, to: .english) == "lf, ytn")
        #expect(KeyboardLayout.convert("lf, ytn", from: .english, to: .russian) == "даб нет")
    }

    /// Lossless for text whose characters are all mapped or on no mapped key of either layout: a
    /// comma in Russian text is on no Russian letter key, but `,` is `б` on QWERTY.
    @Test(arguments: KeyboardLayout.allCases)
    func roundTripsAreLossless(_ layout: KeyboardLayout) {
        let texts: [KeyboardLayout: String] = [
            .english: "Samsung [QLED] 55\" tv, 4k.", .russian: "Телевизор Самсунг 55 дюймов ЁЖ!",
            .belarusian: "Тэлевізар «Самсунг» за 500 рублёў - аб'ява!",
        ]
        let text = texts[layout] ?? ""
        for other in KeyboardLayout.allCases where other != layout {
            let there = KeyboardLayout.convert(text, from: layout, to: other)
            #expect(KeyboardLayout.convert(there, from: other, to: layout) == text, "\(layout) → \(other)")
        }
    }

    @Test(arguments: [
        ("cvfhnajy", KeyboardLayout.english), ("пылесос", .russian), ("прыстаўка", .belarusian),
        ("Мінск", .belarusian), ("", .russian), ("12345", .russian), ("iPhone для мамы", .russian),
        ("galaxy s24 ультра", .english),
    ])
    func likelyLayout(_ text: String, _ layout: KeyboardLayout) {
        #expect(KeyboardLayout.likelyLayout(of: text) == layout)
    }

    @Test func longTextIsQuick() {
        let text = String(repeating: "cvfhnajy ", count: 120_000)  // about 1 MB
        let clock = ContinuousClock()
        var converted = ""
        let elapsed = clock.measure { converted = KeyboardLayout.convert(text, from: .english, to: .russian) }
        #expect(converted.hasPrefix("смартфон смартфон"))
        #expect(converted.count == text.count)
        #expect(elapsed < .seconds(10))
        #expect(KeyboardLayout.likelyLayout(of: text) == .english)
    }
}
