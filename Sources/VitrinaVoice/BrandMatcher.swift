import Foundation
import VitrinaText

/// Finds the catalog brand a spoken word names, in either script: `самсунг` → Samsung,
/// `ксяоми` → Xiaomi, `atlant` → ATLANT.
///
/// Both sides are reduced to a rough phonetic Latin key (ICU transliteration, then `ph`→`f`,
/// `x`→`ks`, `w`→`v`, `y`/`j`→`i`, `c`/`q`→`k`, doubled letters once); keys must be equal, or one
/// edit apart for keys of six letters or more. Spoken names the rules cannot reach are in
/// ``Lexicon/brandAliases``.
struct BrandMatcher: Sendable {
    private let keys: [(key: String, vendor: String)]
    private let latin: Transliterator?

    init(vendors: [String]) {
        let latin = try? Transliterator.cyrillicToLatin(.ru)
        self.latin = latin
        var keys: [(String, String)] = []
        for vendor in vendors {
            let key = Self.phonetic(latin?.searchKey(vendor) ?? vendor.lowercased())
            if !key.isEmpty { keys.append((key, vendor)) }
        }
        self.keys = keys
    }

    /// The brand `word` (folded, lowercase) names, if any.
    func vendor(for word: String) -> String? {
        guard word.count >= 2 else { return nil }
        let spoken = Lexicon.brandAliases[word] ?? word
        let key = Self.phonetic(latin?.searchKey(spoken) ?? spoken)
        guard key.count >= 2 else { return nil }
        if let exact = keys.first(where: { $0.key == key }) { return exact.vendor }
        guard key.count >= 6 else { return nil }
        return keys.first { $0.key.count >= 6 && Self.withinOneEdit($0.key, key) }?.vendor
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
