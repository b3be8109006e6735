import CVitrinaICU
import VitrinaModel

/// Normalizes text the way the index stores it, without ever over-folding.
///
/// In order:
/// 1. apostrophe variants (`’ ʼ ‘ ´ ′` and the backtick) become `'`, so `аб’ява` and `аб'ява` meet;
/// 2. homoglyph repair (``Homoglyphs``): a Cyrillic word with Latin look-alikes (`смартфoн`)
///    is written in Cyrillic, a Latin word with Cyrillic look-alikes in Latin;
/// 3. NFKC with full Unicode case folding, removing default-ignorable characters (soft hyphen,
///    zero-width space and joiners) — through ICU's `NFKC_Casefold`, with a fast path for text
///    that is only ASCII and basic Cyrillic;
/// 4. stress marks (combining acute and grave) removed;
/// 5. Russian only: `ё` → `е`. Belarusian keeps `ё` (`ёсць` and `есць` are different words).
///
/// It never strips other diacritics: `й` stays `й` and `ў` stays `ў`.
///
/// ```swift
/// TextNormalizer(language: .ru).normalize("Ёлка СМАРТФOН") // "елка смартфон"
/// ```
public struct TextNormalizer: Sendable, Hashable {
    /// The language whose rules apply (only `ru` folds `ё`).
    public let language: Language

    /// Creates a normalizer for `language`.
    public init(language: Language) {
        self.language = language
    }

    /// Returns the normalized form of `text`. Empty text gives empty text.
    public func normalize(_ text: String) -> String {
        if isAlreadyNormal(text) { return text }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var needsICU = false
        for scalar in text.unicodeScalars {
            let mapped = Self.apostrophe(scalar)
            if !Self.isFastFoldable(mapped) { needsICU = true }
            scalars.append(mapped)
        }
        Homoglyphs.repair(&scalars)
        if needsICU {
            let folded = ICUBridge.transform(String(String.UnicodeScalarView(scalars))) {
                vtr_nfkc_casefold($0, $1, $2, $3, $4)
            }
            scalars.removeAll(keepingCapacity: true)
            // NFKC_Casefold cannot fail on valid Unicode; the fallback keeps the text as it was.
            for scalar in (folded ?? text).unicodeScalars where !Self.isStressMark(scalar) {
                scalars.append(scalar)
            }
        } else {
            for index in scalars.indices { scalars[index] = Self.fastFold(scalars[index]) }
        }
        if language == .ru {
            for index in scalars.indices where scalars[index] == "ё" { scalars[index] = "е" }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// True when `text` is made only of characters that normalization leaves unchanged and has
    /// no mixed-script word: the common case for already lowercase product text.
    private func isAlreadyNormal(_ text: String) -> Bool {
        var hasLatin = false
        var hasCyrillic = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x61...0x7A: hasLatin = true
            case 0x30...0x39, 0x20, 0x2D, 0x2E, 0x2C, 0x27: continue
            case 0x0430...0x044F: hasCyrillic = true
            case 0x0451: if language == .ru { return false } else { hasCyrillic = true }
            case 0x0452...0x045F: hasCyrillic = true
            default: return false
            }
        }
        return !(hasLatin && hasCyrillic)
    }

    /// Maps the apostrophe look-alikes to U+0027.
    static func apostrophe(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2019, 0x02BC, 0x2018, 0x0060, 0x00B4, 0x2032, 0x02B9, 0xFF07: return "'"
        default: return scalar
        }
    }

    /// Characters whose NFKC_Casefold is a simple offset: ASCII and the basic Cyrillic block.
    static func isFastFoldable(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x80 || (0x0400...0x045F).contains(value)
    }

    /// Lowercases an ASCII or basic-Cyrillic scalar (the same result as full case folding).
    static func fastFold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        switch value {
        case 0x41...0x5A, 0x0410...0x042F: return Unicode.Scalar(value + 0x20) ?? scalar
        case 0x0400...0x040F: return Unicode.Scalar(value + 0x50) ?? scalar
        default: return scalar
        }
    }

    /// Combining grave and acute accents, used in Russian and Belarusian to mark stress.
    static func isStressMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x0301 || scalar.value == 0x0300
    }
}
