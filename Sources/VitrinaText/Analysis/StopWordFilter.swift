/// Drops words found in a stop-word list, leaving a position gap.
///
/// Used at index time for long descriptive fields only; titles keep every word.
public struct StopWordFilter: TokenFilter {
    /// The normalized words to drop.
    public let words: Set<String>

    /// Creates the filter for a set of normalized words.
    public init(words: Set<String>) {
        self.words = words
    }

    /// Creates the filter with Vitrina's list for `language` (see ``StopWords``).
    public init(language: Language) {
        self.words = StopWords.list(for: language)
    }

    /// Keeps `token` unless it is a word in the list.
    public func apply(to token: inout Token) -> Bool {
        token.kind != .word || !words.contains(token.normalized)
    }
}
