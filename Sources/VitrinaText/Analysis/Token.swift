/// One unit of analyzed text: what the index stores and what highlighting points back to.
///
/// `byteRange` is a range of UTF-8 byte offsets into the analyzed text; filters never change it.
/// Positions count words: a hyphenated compound or a model code is emitted whole at position
/// `p` with `positionLength` n, followed by its n parts at positions `p ..< p + n`, so both the
/// whole (`робот-пылесос`) and a phrase of the parts (`робот пылесос`) match.
public struct Token: Sendable, Hashable {
    /// The term to index: the normalized form, stemmed for words of a language with a stemmer.
    public var term: String
    /// The normalized form before stemming (case-folded NFKC, see ``TextNormalizer``); used for
    /// prefix and fuzzy matching, where a stem would be wrong.
    public var normalized: String
    /// What the token is: a word, a number, a model code or a unit.
    public var kind: TokenKind
    /// Marks such as ``TokenFlags/keyword`` (skip the stemmer).
    public var flags: TokenFlags
    /// The word position, counted from 0.
    public var position: Int
    /// How many positions the token spans (1, or the number of parts of a compound).
    public var positionLength: Int
    /// UTF-8 byte offsets of the token in the original text.
    public var byteRange: Range<Int>

    /// Creates a token; `normalized` and `term` start as the same text.
    public init(
        term: String, kind: TokenKind, flags: TokenFlags = [], position: Int, positionLength: Int = 1,
        byteRange: Range<Int>
    ) {
        self.term = term
        self.normalized = term
        self.kind = kind
        self.flags = flags
        self.position = position
        self.positionLength = positionLength
        self.byteRange = byteRange
    }
}
