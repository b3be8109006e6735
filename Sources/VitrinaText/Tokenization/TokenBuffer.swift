/// Reusable scratch space of the byte tokenizer: segments, tokens, bytes of rewritten terms.
///
/// One buffer belongs to one caller at a time; reusing it across texts avoids allocating.
package struct TokenBuffer {
    /// The tokens of the last text tokenized.
    package var tokens: [RawToken] = []
    /// Rewritten terms (numbers, unit codes), referenced by tokens with `termInScratch`.
    package var scratch: [UInt8] = []
    /// Word-break segments of the last text.
    var segments: [WordBreaker.Segment] = []
    /// Letter and digit runs of one segment (scratch of the assembler).
    var runs: [ByteTokenAssembler.Run] = []

    /// Creates an empty buffer.
    package init() {}

    /// Forgets the last text (keeps the capacity).
    package mutating func reset() {
        tokens.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        segments.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with the term bytes of `token`, which came from `text`'s bytes.
    @inline(__always)
    package func withTerm<R>(
        _ token: RawToken, in text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R
    ) rethrows -> R {
        let range = Int(token.termStart)..<Int(token.termEnd)
        if token.termInScratch {
            return try scratch.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
        }
        return try body(UnsafeBufferPointer(rebasing: text[range]))
    }
}
