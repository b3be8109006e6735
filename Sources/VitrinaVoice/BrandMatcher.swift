import Foundation
import VitrinaText

/// Finds the catalog brand a spoken word names, in either script: `самсунг` → Samsung,
/// `ксяоми` → Xiaomi, `atlant` → ATLANT.
///
/// Both sides are reduced to a rough phonetic Latin key (ICU transliteration, then `ph`→`f`,
/// `x`→`ks`, `w`→`v`, `y`/`j`→`i`, `c`/`q`→`k`, doubled letters once); keys must be equal, or one
/// edit apart for keys of six letters or more. Spoken names the rules cannot reach are in
/// ``Lexicon/brandAliases``.
///
/// Brands guessed from titles (``Vocabulary/titleBrands``, except words titles use for other things:
/// ``Lexicon/notBrands``) are matched by their spelling (`роан` → ROAN), and vendors and those brands
/// by ``SoundKey``, only for words the caller says the catalog does not have as typed.
struct BrandMatcher: Sendable {
    private let exact: [String: String]
    private let long: [(key: String, vendor: String)]
    private let guessed: [String: String]
    private let guessedSpelling: [String: String]
    private let latin: Transliterator?

    init(vendors: [String], titleBrands: [String] = []) {
        let latin = try? Transliterator.cyrillicToLatin(.ru)
        self.latin = latin
        var exact: [String: String] = [:]
        var long: [(String, String)] = []
        for vendor in vendors {
            let key = Self.phonetic(latin?.searchKey(vendor) ?? vendor.lowercased())
            guard !key.isEmpty, exact[key] == nil else { continue }
            exact[key] = vendor
            if key.count >= 6 { long.append((key, vendor)) }
        }
        // «LG Electronics» is said «эл джи»: a several-word brand is also found by its first word.
        for vendor in vendors {
            let words = vendor.split(whereSeparator: { $0 == " " || $0 == "-" })
            guard words.count > 1, let first = words.first else { continue }
            let key = Self.phonetic(latin?.searchKey(String(first)) ?? first.lowercased())
            if key.count >= 2, exact[key] == nil { exact[key] = vendor }
        }
        var guessed: [String: String] = [:]
        var guessedSpelling: [String: String] = [:]
        let titleBrands = titleBrands.filter { !Lexicon.notBrands.contains($0.lowercased()) }
        for brand in vendors + titleBrands {
            if let key = SoundKey.key(brand), guessed[key] == nil { guessed[key] = brand }
        }
        for brand in titleBrands where brand.count >= 3 {
            let key = Self.phonetic(latin?.searchKey(brand) ?? brand.lowercased())
            if key.count >= 2, exact[key] == nil, guessedSpelling[key] == nil { guessedSpelling[key] = brand }
        }
        self.guessedSpelling = guessedSpelling
        self.exact = exact
        self.long = long
        self.guessed = guessed
    }

    /// The brand `word` (folded, lowercase) names, if any.
    ///
    /// Vendors are found by their phonetic key. `guessing` (asked only when no vendor matched: it
    /// may look the word up in the index) says the catalog does not have the word as
    /// typed (or a cue announced a brand): only then is a brand guessed from titles found by its
    /// spelling, and any brand by its sound key.
    func vendor(for word: String, guessing: @autoclosure () -> Bool = false) -> String? {
        guard word.count >= 2 else { return nil }
        let spoken = Lexicon.brandAliases[word] ?? word
        let key = Self.phonetic(latin?.searchKey(spoken) ?? spoken)
        guard key.count >= 2 else { return nil }
        if let vendor = exact[key] { return vendor }
        if key.count >= 6, let vendor = long.first(where: { Self.withinOneEdit($0.key, key) })?.vendor {
            return vendor
        }
        guard guessing() else { return nil }
        if let brand = guessedSpelling[key] { return brand }
        guard word.count >= 3 else { return nil }
        for spelling in Self.spellings(of: spoken) {
            if let sound = SoundKey.key(spelling), sound.count >= 4, let brand = guessed[sound] { return brand }
        }
        return nil
    }

    /// The word and, for a word that starts with `дж` or `ж`, the spelling with `й` a Latin `j`
    /// reads as (`джаноме`, `жаноме` → `йаноме` ≈ `Janome`).
    private static func spellings(of word: String) -> [String] {
        for prefix in ["дж", "ж"] where word.hasPrefix(prefix) {
            return [word, "й" + word.dropFirst(prefix.count)]
        }
        return [word]
    }

    /// The rough phonetic key of a Latin (or transliterated) name.
    static func phonetic(_ text: String) -> String {
        var value = text.lowercased().filter { $0.isLetter || $0.isNumber }
        for (from, to) in [
            ("sch", "sh"), ("ph", "f"), ("kh", "h"), ("ck", "k"), ("x", "ks"), ("w", "v"), ("y", "i"), ("j", "i"),
            ("c", "k"), ("q", "k"), ("ee", "i"), ("oo", "u"),
        ] {
            value = value.replacingOccurrences(of: from, with: to)
        }
        var result = ""
        for character in value where character != result.last { result.append(character) }
        return result
    }

    /// Whether two strings are at most one insertion, deletion or substitution apart.
    static func withinOneEdit(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs)
        let b = Array(rhs)
        if abs(a.count - b.count) > 1 { return false }
        var i = 0
        var j = 0
        var edits = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                i += 1
                j += 1
                continue
            }
            edits += 1
            if edits > 1 { return false }
            if a.count > b.count {
                i += 1
            } else if b.count > a.count {
                j += 1
            } else {
                i += 1
                j += 1
            }
        }
        return edits + (a.count - i) + (b.count - j) <= 1
    }
}
