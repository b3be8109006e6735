/// Normalizes words and model codes with ``TextNormalizer`` and sets both `normalized` and
/// `term` to the result.
///
/// Numbers and units arrive already canonical from the tokenizer.
public struct NormalizationFilter: TokenFilter {
    /// The normalizer applied.
    public let normalizer: TextNormalizer

    /// Creates the filter for `language` (only `ru` folds `ё`).
    public init(language: Language) {
        normalizer = TextNormalizer(language: language)
    }

    /// Normalizes word-like tokens; drops a token that normalizes to nothing (only ignorable
    /// characters).
    public func apply(to token: inout Token) -> Bool {
        switch token.kind {
        case .word, .modelCode:
            let normalized = normalizer.normalize(token.term)
            token.normalized = normalized
            token.term = normalized
            return !normalized.isEmpty
        case .number, .unit:
            return true
        }
    }
}
