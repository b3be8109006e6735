/// Replaces the term of a Cyrillic word with its stem.
///
/// Skips tokens flagged ``TokenFlags/keyword``, non-words, and words with any non-Cyrillic
/// letter (Latin brand names are not Russian or Belarusian words). Expects normalized input
/// (put a ``NormalizationFilter`` before it).
public struct StemFilter<S: Stemmer>: TokenFilter {
    /// The stemmer applied.
    public let stemmer: S

    /// Creates the filter around `stemmer`.
    public init(_ stemmer: S) {
        self.stemmer = stemmer
    }

    /// Stems `token.normalized` into `token.term` when the token is a Cyrillic word.
    public func apply(to token: inout Token) -> Bool {
        guard token.kind == .word, !token.flags.contains(.keyword), Self.isCyrillicWord(token.normalized) else {
            return true
        }
        token.term = stemmer.stem(token.normalized)
        return true
    }

    /// True when every letter of `word` is Cyrillic (apostrophes allowed).
    static func isCyrillicWord(_ word: String) -> Bool {
        for unit in word.utf16 where unit != 0x27 && !(0x0400...0x04FF).contains(unit) {
            return false
        }
        return true
    }
}
