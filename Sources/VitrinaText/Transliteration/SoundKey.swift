/// A coarse "sounds like" key that Latin and Cyrillic spellings of one name share:
/// `Samsung` and `самсунг` → `samsang`, `Philips` and `филипс` → `falaps`, `Xiaomi`, `сяоми` and
/// `ксиоми` → `sama`, `Bosch` and `бош` → `bash`.
///
/// Shoppers say brands and model lines in Cyrillic (speech recognizers write them so) while
/// catalogs write them in Latin, and the other way round. The index keeps the key of every Latin
/// word of a product's title, brand and model, and of Cyrillic brand names; a query word is also
/// looked up by its key. The key is deliberately coarse, so it is one more piece of evidence with a
/// low weight, never a filter.
///
/// The rules, in order: Cyrillic letters (ru and be) to Latin by a fixed table; Latin letter
/// groups to one spelling (`sch`/`sh`/`ж` → `sh`, `ph` → `f`, `kh`/`h` → `h`, `th` → `t`,
/// `gh` → `g`, `ck`/`q`/`c` → `k` but `c` before `e`/`i`/`y` → `s`, `x` → `ks` (`s` at the start),
/// `w` → `v`, `z`/`ts`/`tz` → `s`, `j`/`y` → vowels); every run of vowels becomes one `a`; doubled
/// consonants become one. Words with digits, and keys shorter than three letters, have no key.
///
/// ```swift
/// SoundKey.key("Самсунг") // "samsang"
/// SoundKey.key("samsung") // "samsang"
/// SoundKey.key("rx570")   // nil
/// ```
public enum SoundKey {
    /// The index term of a key: the key marked with `~`, a character no analyzer keeps, so a key
    /// never meets an ordinary word (`gala` the brand, `гели` the gels).
    public static func term(_ key: String) -> String { "~" + key }

    /// The key of one word (any case), or `nil` for words with digits, other scripts or too short.
    public static func key(_ word: some StringProtocol) -> String? {
        var latin: [UInt8] = []
        latin.reserveCapacity(word.utf8.count)
        for scalar in word.unicodeScalars {
            let value = scalar.value
            if (0x61...0x7A).contains(value) {
                latin.append(UInt8(value))
            } else if (0x41...0x5A).contains(value) {
                latin.append(UInt8(value + 0x20))
            } else if let spelled = cyrillic[scalar] {
                latin.append(contentsOf: spelled.utf8)
            } else if scalar == "'" || scalar == "’" || scalar == "ʼ" || scalar == "-" || scalar == "\u{301}" {
                continue
            } else {
                return nil
            }
        }
        guard latin.count >= 3 else { return nil }
        let key = fold(latin)
        return key.count >= 3 ? String(decoding: key, as: UTF8.self) : nil
    }

    /// Folds lowercase Latin letters into the key.
    private static func fold(_ letters: [UInt8]) -> [UInt8] {
        var sounds: [UInt8] = []
        sounds.reserveCapacity(letters.count)
        var index = 0
        func next(_ offset: Int) -> UInt8 { index + offset < letters.count ? letters[index + offset] : 0 }
        while index < letters.count {
            let letter = letters[index]
            var sound: [UInt8]
            var width = 1
            switch letter {
            case a("s") where next(1) == a("c") && next(2) == a("h"):
                sound = [a("s"), a("h")]
                width = 3
            case a("s") where next(1) == a("h") && next(2) == a("c") && next(3) == a("h"):
                sound = [a("s"), a("h")]
                width = 4
            case a("p") where next(1) == a("h"): sound = [a("f")]; width = 2
            case a("k") where next(1) == a("h"): sound = [a("h")]; width = 2
            case a("t") where next(1) == a("h"): sound = [a("t")]; width = 2
            case a("g") where next(1) == a("h"): sound = [a("g")]; width = 2
            case a("c") where next(1) == a("k"): sound = [a("k")]; width = 2
            case a("c") where next(1) == a("h"): sound = [a("c"), a("h")]; width = 2
            case a("c") where next(1) == a("e") || next(1) == a("i") || next(1) == a("y"): sound = [a("s")]
            case a("c"), a("q"): sound = [a("k")]
            case a("t") where next(1) == a("s") || next(1) == a("z"): sound = [a("s")]; width = 2
            case a("x"): sound = sounds.isEmpty ? [a("s")] : [a("k"), a("s")]
            case a("k") where sounds.isEmpty && next(1) == a("s"): sound = [a("s")]; width = 2
            case a("w"): sound = [a("v")]
            case a("z"): sound = [a("s")]
            case a("j"), a("y"), a("e"), a("i"), a("o"), a("u"): sound = [a("a")]
            default: sound = [letter]
            }
            for byte in sound where byte != sounds.last { sounds.append(byte) }
            index += width
        }
        return sounds
    }

    private static func a(_ letter: Unicode.Scalar) -> UInt8 { UInt8(letter.value) }

    /// Russian and Belarusian letters spelled in Latin as the key's first step (soft and hard
    /// signs are silent).
    private static let cyrillic: [Unicode.Scalar: String] = {
        let pairs: [(String, String)] = [
            ("а", "a"), ("б", "b"), ("в", "v"), ("г", "g"), ("д", "d"), ("е", "e"), ("ё", "e"), ("ж", "sh"),
            ("з", "z"), ("и", "i"), ("й", "i"), ("к", "k"), ("л", "l"), ("м", "m"), ("н", "n"), ("о", "o"),
            ("п", "p"), ("р", "r"), ("с", "s"), ("т", "t"), ("у", "u"), ("ф", "f"), ("х", "h"), ("ц", "ts"),
            ("ч", "ch"), ("ш", "sh"), ("щ", "sh"), ("ъ", ""), ("ы", "y"), ("ь", ""), ("э", "e"), ("ю", "yu"),
            ("я", "ya"), ("і", "i"), ("ў", "u"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (lower, latin) in pairs {
            for scalar in lower.unicodeScalars { table[scalar] = latin }
            for scalar in lower.uppercased().unicodeScalars { table[scalar] = latin }
        }
        return table
    }()
}
