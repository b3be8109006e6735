/// Keyboard layouts, for text typed with the wrong one switched on (`cvfhnajy` → `смартфон`).
///
/// Conversion maps each character to the one on the same physical key of the other layout, keeping
/// case. Only letter keys are mapped — on QWERTY that includes the punctuation keys that carry
/// Cyrillic letters: `` ` [ ] ; ' , . `` and their shifted `~ { } : " < >`. Digits, spaces and other
/// punctuation are left as they are, and so is any character on no mapped key.
///
/// ```swift
/// KeyboardLayout.convert("cvfhnajy", from: .english, to: .russian) // "смартфон"
/// KeyboardLayout.likelyLayout(of: "ghbdtn")                         // .english
/// ```
public enum KeyboardLayout: String, Sendable, CaseIterable {
    /// US QWERTY.
    case english
    /// Russian ЙЦУКЕН.
    case russian
    /// Belarusian: ЙЦУКЕН with `і` for `и`, `ў` for `щ` and `'` for `ъ`.
    case belarusian

    /// The characters of the mapped keys, in one fixed key order: `` ` ``, the three letter rows
    /// with their punctuation keys; lowercase, then shifted.
    private var keys: (lower: [Character], upper: [Character]) {
        switch self {
        case .english:
            return (Array("`qwertyuiop[]asdfghjkl;'zxcvbnm,."), Array("~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>"))
        case .russian:
            return (Array("ёйцукенгшщзхъфывапролджэячсмитьбю"), Array("ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ"))
        case .belarusian:
            // The apostrophe key has no shifted letter; `'` stands on both levels.
            return (Array("ёйцукенгшўзх'фывапролджэячсмітьбю"), Array("ЁЙЦУКЕНГШЎЗХ'ФЫВАПРОЛДЖЭЯЧСМІТЬБЮ"))
        }
    }

    /// The character map from `from` to `to`; lowercase wins where both levels share a character.
    private static func map(from: KeyboardLayout, to: KeyboardLayout) -> [Character: Character] {
        let source = from.keys
        let target = to.keys
        var map: [Character: Character] = [:]
        for (key, value) in zip(source.upper, target.upper) { map[key] = value }
        for (key, value) in zip(source.lower, target.lower) { map[key] = value }
        return map
    }

    /// Every map between two different layouts, keyed by `from` then `to`, built once.
    private static let maps: [KeyboardLayout: [KeyboardLayout: [Character: Character]]] = {
        var maps: [KeyboardLayout: [KeyboardLayout: [Character: Character]]] = [:]
        for from in allCases {
            for to in allCases where to != from { maps[from, default: [:]][to] = map(from: from, to: to) }
        }
        return maps
    }()

    /// Converts `text` typed on layout `from` into what the same keys give on layout `to`.
    ///
    /// - Parameters:
    ///   - text: The text as typed.
    ///   - from: The layout that was switched on.
    ///   - to: The layout the user meant.
    /// - Returns: The converted text; characters on no mapped key are kept, and case is kept.
    ///
    /// ```swift
    /// KeyboardLayout.convert("ghbdtn", from: .english, to: .russian)   // "привет"
    /// KeyboardLayout.convert("ыьфкеащт", from: .russian, to: .english) // "smartfon"
    /// KeyboardLayout.convert("gskfcjc", from: .english, to: .belarusian) // "пыласос"
    /// ```
    public static func convert(_ text: String, from: KeyboardLayout, to: KeyboardLayout) -> String {
        guard from != to, let map = maps[from]?[to] else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count * 2)
        for character in text { result.append(map[character] ?? character) }
        return result
    }

    /// The layout `text` looks typed on, by the script of its letters.
    ///
    /// More Latin than Cyrillic letters → `english`; otherwise Cyrillic with a Belarusian-only
    /// letter (`і`, `ў`) → `belarusian`; anything else, including text without letters, → `russian`.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The likely layout.
    ///
    /// ```swift
    /// KeyboardLayout.likelyLayout(of: "cvfhnajy")  // .english
    /// KeyboardLayout.likelyLayout(of: "прыстаўка") // .belarusian
    /// ```
    public static func likelyLayout(of text: String) -> KeyboardLayout {
        var latin = 0
        var cyrillic = 0
        var belarusian = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if Homoglyphs.isLatin(value) { latin += 1 }
            if Homoglyphs.isCyrillic(value) {
                cyrillic += 1
                if scalar == "і" || scalar == "І" || scalar == "ў" || scalar == "Ў" { belarusian = true }
            }
        }
        if latin > cyrillic { return .english }
        return belarusian ? .belarusian : .russian
    }
}
