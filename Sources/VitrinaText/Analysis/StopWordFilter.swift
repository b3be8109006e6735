/// Drops words found in a stop-word list, leaving a position gap.
///
/// Used at index time for long descriptive fields only; titles keep every word.
public struct StopWordFilter: TokenFilter {
    /// The normalized words to drop.
    public var words: Set<String> { Set(keys.map(\.string)) }
    /// The same words, hashed by bytes (String hashing normalizes Cyrillic on every lookup).
    private let keys: Set<UTF8Key>

    /// Creates the filter for a set of normalized words.
    public init(words: Set<String>) {
        keys = Set(words.map(UTF8Key.init))
    }

    /// Creates the filter with Vitrina's list for `language` (see ``StopWords``).
    public init(language: Language) {
        self.init(words: StopWords.list(for: language))
    }

    /// Keeps `token` unless it is a word in the list.
    public func apply(to token: inout Token) -> Bool {
        token.kind != .word || !keys.contains(UTF8Key(token.normalized))
    }
}
