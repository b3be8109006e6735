import CVitrinaICU
import VitrinaModel

/// Normalizes text the way the index stores it, without ever over-folding.
///
/// In order:
/// 1. apostrophe variants (`’ ʼ ‘ ´ ′` and the backtick) become `'`, so `аб’ява` and `аб'ява` meet,
///    and the Unicode hyphens U+2010/U+2011 become `-`;
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

    /// Returns the normalized form of `text`.
    ///
    /// Empty text gives empty text.
    public func normalize(_ text: String) -> String {
        if isAlreadyNormal(text) { return text }
        if let folded = fastFold(text) { return folded }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var needsICU = false
        for scalar in text.unicodeScalars {
            let mapped = Self.hyphen(Self.apostrophe(scalar))
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

    /// Case-folds text made only of ASCII and basic Cyrillic letters, digits and simple
    /// punctuation, working on UTF-8 bytes; `nil` when the text needs the full path (other
    /// characters, or a word mixing Latin and Cyrillic letters).
    private func fastFold(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { source -> String? in
            var hasLatin = false
            var hasCyrillic = false
            var failed = false
            let folded = String(unsafeUninitializedCapacity: source.count) { output in
                var index = 0
                while index < source.count {
                    let byte = source[index]
                    if byte < 0x80 {
                        switch byte {
                        case 0x41...0x5A:
                            hasLatin = true
                            output[index] = byte + 0x20
                        case 0x61...0x7A:
                            hasLatin = true
                            output[index] = byte
                        case 0x60:  // the backtick is an apostrophe look-alike
                            failed = true
                            return 0
                        case 0x20, 0x2C, 0x2D, 0x2E:
                            // A word boundary: the mixed-script check is per word.
                            if hasLatin && hasCyrillic {
                                failed = true
                                return 0
                            }
                            hasLatin = false
                            hasCyrillic = false
                            output[index] = byte
                        default:
                            output[index] = byte
                        }
                        index += 1
                        continue
                    }
                    guard index + 1 < source.count, byte == 0xD0 || byte == 0xD1 else {
                        failed = true
                        return 0
                    }
                    let second = source[index + 1]
                    hasCyrillic = true
                    var lead = byte
                    var trail = second
                    if byte == 0xD0 {
                        switch second {
                        case 0x80...0x8F: lead = 0xD1; trail = second + 0x10  // Ѐ…Џ → ѐ…џ
                        case 0x90...0x9F: trail = second + 0x20  // А…П → а…п
                        case 0xA0...0xAF: lead = 0xD1; trail = second - 0x20  // Р…Я → р…я
                        default: break
                        }
                    }
                    if language == .ru && lead == 0xD1 && trail == 0x91 {  // ё → е
                        lead = 0xD0
                        trail = 0xB5
                    }
                    output[index] = lead
                    output[index + 1] = trail
                    index += 2
                }
                if hasLatin && hasCyrillic { failed = true }
                return failed ? 0 : source.count
            }
            return failed ? nil : folded
        }
    }

    /// Maps the apostrophe look-alikes to U+0027.
    static func apostrophe(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2019, 0x02BC, 0x2018, 0x0060, 0x00B4, 0x2032, 0x02B9, 0xFF07: return "'"
        default: return scalar
        }
    }

    /// Maps the Unicode hyphen (U+2010) and non-breaking hyphen (U+2011) to `-`, so compounds
    /// written with them index like `робот-пылесос`.
    static func hyphen(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.value == 0x2010 || scalar.value == 0x2011 ? "-" : scalar
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
