/// Analysis for indexing: text in, interned term numbers with positions out, with no String per
/// token.
///
/// The tokenizer works over the text's bytes (``WordTokenizer/tokenize(_:into:)-(UnsafeBufferPointer<UInt8>,_)``);
/// each token's surface form (its raw term bytes, kind and flags, per chain) is looked up in a
/// cache of what the chain's filters made of it before — normalization, stop words and stemming
/// then run once per distinct form, through the chain's own filters, so the terms are exactly
/// those of ``AnyAnalyzer/analyze(_:into:)``. Terms are interned: a term number stands for the
/// same bytes until ``removeAll()``.
///
/// The cache is exact because the built-in filters depend only on a token's term, kind and flags.
/// One instance belongs to one thread (an index builder); it grows with the vocabulary, so its
/// owner calls ``removeAll()`` between segments when ``memoryBytes`` gets large.
package final class TermAnalysis {
    /// A term at a position, as emitted for one text.
    package struct Occurrence {
        /// The term number.
        package var term: Int32
        /// The word position, from 0 for each text.
        package var position: Int32
        /// How many positions the token spans.
        package var positionLength: Int32
    }

    /// The chains, by number.
    package let chains: [AnyAnalyzer]
    /// The terms of the last ``analyze(_:chain:)`` call, in token order.
    package private(set) var occurrences: [Occurrence] = []
    /// Every term seen: bytes → term number (the entry number).
    private let terms = ByteStringTable()
    /// Surface forms: (chain, kind, flags) + raw term bytes → term number, or -1 when dropped.
    private let surfaces = ByteStringTable()
    private var buffer = TokenBuffer()

    /// Creates the analysis for `chains` (numbered by their index).
    package init(chains: [AnyAnalyzer]) {
        self.chains = chains
    }

    /// The number of distinct terms.
    package var termCount: Int { terms.count }

    /// Memory held by the vocabulary and the cache, in bytes (roughly).
    package var memoryBytes: Int { terms.memoryBytes + surfaces.memoryBytes }

    /// The bytes of term `number`; valid until the next call that adds a term.
    package func term(_ number: Int32) -> UnsafeBufferPointer<UInt8> { terms.key(Int(number)) }

    /// Forgets every term and cached form: term numbers start again from 0.
    package func removeAll() {
        terms.removeAll()
        surfaces.removeAll()
    }

    /// The number of `bytes` as a term, adding it when new.
    package func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = ByteStringTable.hash(bytes, tag: 0)
        if let entry = terms.find(bytes, tag: 0, hash: hash) { return Int32(truncatingIfNeeded: entry) }
        return Int32(truncatingIfNeeded: terms.insert(bytes, tag: 0, hash: hash, value: 0))
    }

    /// Analyzes `text` with chain `chain` into ``occurrences`` (replacing what it held).
    ///
    /// - Throws: ``ICUError`` if ICU cannot open a word break iterator.
    package func analyze(_ text: String, chain: Int) throws {
        occurrences.removeAll(keepingCapacity: true)
        let analyzer = chains[chain]
        guard let filter = analyzer.filter else {
            // The keyword chain: one token for the whole text.
            for token in try analyzer.analyze(text) {
                var term = token.term
                let number = term.withUTF8 { intern($0) }
                occurrences.append(
                    Occurrence(
                        term: number, position: Int32(truncatingIfNeeded: token.position),
                        positionLength: Int32(truncatingIfNeeded: token.positionLength)))
            }
            return
        }
        // Locals instead of stored properties in the loop: no exclusivity check per token.
        var buffer = TokenBuffer()
        var occurrences: [Occurrence] = []
        swap(&buffer, &self.buffer)
        swap(&occurrences, &self.occurrences)
        defer {
            swap(&buffer, &self.buffer)
            swap(&occurrences, &self.occurrences)
        }
        let surfaces = self.surfaces
        var text = text
        try text.withUTF8 { bytes in
            try analyzer.tokenizer.tokenize(bytes, into: &buffer)
            let chainTag = UInt32(truncatingIfNeeded: chain) << 16
            buffer.scratch.withUnsafeBufferPointer { scratch in
                for token in buffer.tokens {
                    let tag = chainTag | UInt32(Self.kindCode(token.kind)) << 8 | UInt32(token.flags.rawValue)
                    let range = Int(token.termStart)..<Int(token.termEnd)
                    let surface = UnsafeBufferPointer(rebasing: token.termInScratch ? scratch[range] : bytes[range])
                    let hash = ByteStringTable.hash(surface, tag: tag)
                    let number: Int32
                    if let entry = surfaces.find(surface, tag: tag, hash: hash) {
                        number = surfaces.value(entry)
                    } else {
                        number = filtered(surface, token: token, filter: filter)
                        surfaces.insert(surface, tag: tag, hash: hash, value: number)
                    }
                    if number >= 0 {
                        occurrences.append(
                            Occurrence(term: number, position: token.position, positionLength: token.positionLength))
                    }
                }
            }
        }
    }

    /// Runs the chain's filters on one surface form: its term number, or -1 when dropped.
    private func filtered(
        _ surface: UnsafeBufferPointer<UInt8>, token: RawToken, filter: (inout Token) -> Bool
    ) -> Int32 {
        var filtered = Token(
            term: String(decoding: surface, as: UTF8.self), kind: token.kind, flags: token.flags,
            position: Int(token.position), positionLength: Int(token.positionLength), byteRange: token.byteRange)
        guard filter(&filtered) else { return -1 }
        return filtered.term.withUTF8 { intern($0) }
    }

    private static func kindCode(_ kind: TokenKind) -> UInt8 {
        switch kind {
        case .word: return 0
        case .number: return 1
        case .modelCode: return 2
        case .unit: return 3
        }
    }
}
