/// A token before normalization, with its term as bytes instead of a String: what the byte
/// tokenizer emits into a ``TokenBuffer``.
///
/// The term is either a slice of the analyzed text (words, model codes, most numbers) or a slice
/// of the buffer's scratch bytes (numbers rewritten with a decimal dot or without group spaces,
/// unit codes); ``TokenBuffer/withTerm(_:in:_:)`` resolves it.
package struct RawToken: Sendable, Equatable {
    /// UTF-8 byte offsets of the token in the text.
    package var start: Int32
    /// End of the token in the text (exclusive).
    package var end: Int32
    /// Start of the term, in the text or in the scratch bytes.
    package var termStart: Int32
    /// End of the term (exclusive).
    package var termEnd: Int32
    /// Whether the term is in the scratch bytes rather than the text.
    package var termInScratch: Bool
    /// What the token is.
    package var kind: TokenKind
    /// Its marks.
    package var flags: TokenFlags
    /// The word position, counted from 0.
    package var position: Int32
    /// How many positions it spans.
    package var positionLength: Int32

    /// The byte range in the text.
    package var byteRange: Range<Int> { Int(start)..<Int(end) }
}
