import CVitrinaICU
import VitrinaModel

/// Every single number word ICU's spell-out rules can write for a language, read once from ICU.
///
/// ICU's lenient parse is exact but slow (about 3 ms per unknown word with the 50 Russian rule
/// sets, measured on ICU 72), so the parser does not ask ICU about every word of a query. Instead
/// this formats the building blocks (0–19, the tens, the hundreds, 10³, 10⁶, 10⁹ and a few of their
/// multiples) with every public rule set — all genders, grammatical cases and ordinals — and keeps
/// each word: `двадцатью` → 20, `пятьюстами` → 500, `тысячами` → a scale, `сорокового` → 40.
/// For Russian that is every case form; Belarusian rules in ICU 72 have only the nominative
/// (the oblique forms come from ``NumberWordTables``).
enum SpellOutVocabulary {
    /// The values whose spelling is one word in every rule set.
    private static let blocks: [Double] =
        Array(0...19).map(Double.init) + stride(from: 20.0, through: 90, by: 10)
        + stride(from: 100.0, through: 900, by: 100)

    /// Values whose spelling ends in a scale word (`пяти тысяч`, `двух миллионов`).
    private static let scaled: [Double] = [1, 2, 5].flatMap { [$0 * 1e3, $0 * 1e6, $0 * 1e9] }

    /// The Russian vocabulary, built on first use.
    private static let russian = Result { try build(locale: "ru") }
    /// The Belarusian vocabulary, built on first use.
    private static let belarusian = Result { try build(locale: "be") }

    /// The vocabulary of `language` (`other` reads Russian).
    ///
    /// - Throws: ``ICUError`` when ICU has no spell-out rules for the language.
    static func words(for language: Language) throws -> [String: NumberWord] {
        try (language == .be ? belarusian : russian).get()
    }

    /// Formats the building blocks with every public rule set of `locale`.
    private static func build(locale: String) throws -> [String: NumberWord] {
        var error: Int32 = 0
        guard let spellOut = vtr_spellout_open(locale, &error), error <= 0 else {
            throw ICUError(code: error, operation: "open spell-out rules for \(locale)")
        }
        defer { vtr_spellout_close(spellOut) }
        let names = ICUBridge.transform("") { _, _, destination, capacity, error in
            vtr_spellout_rule_sets(spellOut, destination, capacity, error)
        }
        guard let names else { throw ICUError(code: 5, operation: "list spell-out rule sets for \(locale)") }
        var vocabulary: [String: NumberWord] = [:]
        // Years spell like cardinals; they would add nothing.
        for ruleSet in names.split(separator: ";") where ruleSet != "%spellout-numbering-year" {
            let ruleSet = String(ruleSet)
            for value in blocks {
                guard let words = spell(value, ruleSet, spellOut), words.count == 1,
                    let meaning = NumberWord.cardinal(value)
                else { continue }
                if vocabulary[words[0]] == nil { vocabulary[words[0]] = meaning }
            }
            for value in scaled {
                guard let words = spell(value, ruleSet, spellOut), let last = words.last else { continue }
                let scale = [1e9, 1e6, 1e3].first { value >= $0 } ?? 1e3
                // "двух тысяч" → "тысяч" is a scale; one word such as "двухтысячный" stands alone.
                let meaning: NumberWord = words.count > 1 || value == scale ? .scale(scale) : .complete(value)
                if vocabulary[last] == nil { vocabulary[last] = meaning }
            }
        }
        return vocabulary
    }

    /// `value` spelled with `ruleSet`, split into words; nil when ICU fails or writes anything but
    /// letters (ICU falls back to digits, such as `1000000.`, where a rule set has no rule).
    private static func spell(_ value: Double, _ ruleSet: String, _ spellOut: OpaquePointer) -> [String]? {
        let text = ruleSet.withCString { name in
            ICUBridge.transform("") { _, _, destination, capacity, error in
                vtr_spellout_format_rule_set(spellOut, name, value, destination, capacity, error)
            }
        }
        guard let text else { return nil }
        // ICU 72's Belarusian rules write `адзiн` with a Latin `i`; the word has a Cyrillic `і`.
        let words = text.lowercased().replacing("i", with: "і").split(separator: " ").map(String.init)
        let isWord = { (word: String) in !word.isEmpty && word.unicodeScalars.allSatisfy(\.properties.isAlphabetic) }
        return words.allSatisfy(isWord) ? words : nil
    }
}
