/// Keyboard layouts, for text typed with the wrong one switched on (`cvfhnajy` → `смартфон`).
///
/// Conversion maps each character to the one on the same physical key of the other layout,
/// keeping case; characters on no mapped key are left as they are.
///
/// ```swift
/// KeyboardLayout.convert("cvfhnajy", from: .english, to: .russian) // "смартфон"
/// ```
public enum KeyboardLayout: String, Sendable, CaseIterable {
    /// US QWERTY.
    case english
    /// Russian ЙЦУКЕН.
    case russian
    /// Belarusian: ЙЦУКЕН with `ў` for `щ`, `і` for `и` and `'` for `ъ`.
    case belarusian

    /// The characters of the letter keys, in one fixed key order (lowercase, then shifted).
    var keys: (lower: [Character], upper: [Character]) {
        switch self {
        case .english: return (Array("`qwertyuiop[]asdfghjkl;'zxcvbnm,."), Array("~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>"))
        case .russian: return (Array("ёйцукенгшщзхъфывапролджэячсмитьбю"), Array("ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ"))
        case .belarusian:
            return (Array("ёйцукенгшўзх'фывапролджэячсмітьбю"), Array("ЁЙЦУКЕНГШЎЗХ'ФЫВАПРОЛДЖЭЯЧСМІТЬБЮ"))
        }
    }

    /// Converts `text` typed on layout `from` as if it had been typed on layout `to`.
    public static func convert(_ text: String, from: KeyboardLayout, to: KeyboardLayout) -> String {
        guard from != to else { return text }
        let source = from.keys
        let target = to.keys
        var map: [Character: Character] = [:]
        for (key, value) in zip(source.upper, target.upper) { map[key] = value }
        for (key, value) in zip(source.lower, target.lower) { map[key] = value }
        return String(text.map { map[$0] ?? $0 })
    }

    /// The layout `text` looks typed on, by its letters: Latin → english; Cyrillic with a
    /// Belarusian-only letter (`і`, `ў`) → belarusian; other Cyrillic → russian.
    public static func likelyLayout(of text: String) -> KeyboardLayout {
        var latin = 0
        var cyrillic = 0
        var belarusian = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if Homoglyphs.isLatin(value) { latin += 1 }
            if Homoglyphs.isCyrillic(value) {
                cyrillic += 1
                if "іІўЎ".unicodeScalars.contains(scalar) { belarusian = true }
            }
        }
        if latin > cyrillic { return .english }
        return belarusian ? .belarusian : .russian
    }
}
