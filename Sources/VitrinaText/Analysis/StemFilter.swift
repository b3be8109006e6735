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
    ///
    /// The whole of a hyphenated compound gets each Cyrillic part stemmed (`роботы-пылесосы` →
    /// `робот-пылесос`), so its inflected forms meet too.
    public func apply(to token: inout Token) -> Bool {
        guard token.kind == .word, !token.flags.contains(.keyword) else { return true }
        if token.flags.contains(.compound) {
            token.term = token.normalized.split(separator: "-", omittingEmptySubsequences: false).map { part in
                let part = String(part)
                return Self.isCyrillicWord(part) ? stemmer.stem(part) : part
            }.joined(separator: "-")
        } else if Self.isCyrillicWord(token.normalized) {
            token.term = stemmer.stem(token.normalized)
        }
        return true
    }

    /// True when every character of `word` is Cyrillic (U+0400–U+04FF) or an apostrophe.
    static func isCyrillicWord(_ word: String) -> Bool {
        var expectTrail = false
        for byte in word.utf8 {
            if expectTrail {
                guard byte & 0xC0 == 0x80 else { return false }
                expectTrail = false
            } else if byte >= 0xD0 && byte <= 0xD3 {
                expectTrail = true
            } else if byte != 0x27 {
                return false
            }
        }
        return !expectTrail
    }
}
