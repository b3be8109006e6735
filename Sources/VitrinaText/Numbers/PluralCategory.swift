import CVitrinaICU
import VitrinaModel

/// A CLDR plural category, as ICU's plural rules choose it for a number: Russian and Belarusian
/// use `one` (1, 21, 101), `few` (2–4, 22–24), `many` (0, 5–20, 25) and `other` (fractions).
public enum PluralCategory: String, Sendable, CaseIterable {
    /// 1, 21, 31, …
    case one
    /// 2–4, 22–24, …
    case few
    /// 0, 5–20, 25–30, …
    case many
    /// Fractions, and every number in languages without plural forms.
    case other
    /// Unused by ru and be.
    case zero, two

    /// The category of `value` in `language` by ICU's plural rules.
    public init(_ value: Double, language: Language) {
        let locale = language == .be ? "be" : language == .ru ? "ru" : "en"
        var buffer = [CChar](repeating: 0, count: 32)
        let length = vtr_plural_category(locale, value, &buffer, 32)
        let keyword =
            length > 0
            ? String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self) : "other"
        self = PluralCategory(rawValue: keyword) ?? .other
    }

    /// The form of a noun for this category: `one`, `few` and `many` forms (`other` takes `few`,
    /// the genitive singular, as with fractions: «2,5 рубля»).
    public func pick(_ forms: (one: String, few: String, many: String)) -> String {
        switch self {
        case .one: forms.one
        case .few, .other, .two: forms.few
        case .many, .zero: forms.many
        }
    }
}
