/// The built-in analysis chains, by name: what a schema stores for a text field.
///
/// | preset | chain |
/// |---|---|
/// | `ru` | tokenizer → normalization (with `ё`→`е`) → [stop words] → Snowball Russian stemmer |
/// | `be` | tokenizer → normalization (keeps `ё`) → [stop words] → Vitrina's Belarusian stemmer |
/// | `neutral` | tokenizer → normalization; no stemming (Latin brand and model text) |
/// | `keyword` | the whole text normalized as one keyword token (vendor, SKU, barcode) |
public enum AnalyzerPreset: String, Codable, Sendable, CaseIterable {
    /// Russian text.
    case ru
    /// Belarusian text.
    case be
    /// Latin-script or mixed brand/model text: normalized, not stemmed.
    case neutral
    /// An exact keyword: one token, normalized.
    case keyword

    /// The preset for text in `language` (`other` → `neutral`).
    public init(language: Language) {
        switch language {
        case .ru: self = .ru
        case .be: self = .be
        case .other: self = .neutral
        }
    }

    /// The language whose normalization rules the preset uses.
    public var language: Language {
        switch self {
        case .ru: return .ru
        case .be: return .be
        case .neutral, .keyword: return .other
        }
    }
}
