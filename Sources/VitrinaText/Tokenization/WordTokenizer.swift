/// Splits text into word, number, model-code and unit tokens with ICU's word break rules,
/// keeping together what shoppers see as one word.
///
/// On top of ICU's segments (UAX #29, which already keeps `сям'я` and `аб’ява` whole):
/// - a hyphenated compound (`робот-пылесос`, `інтэрнэт-крама`) is emitted whole, flagged
///   ``TokenFlags/compound`` with `positionLength` = number of parts, then each part at its own
///   position, flagged ``TokenFlags/part``;
/// - a model code (`s24`, `rtx4070`, `iphone15`) is emitted whole (kind ``TokenKind/modelCode``,
///   flagged keyword and compound), then its letter and digit runs as parts;
/// - a number glued to a unit (`128гб`, `5л`, `27"`) becomes a number token and a unit token with
///   the unit's canonical code (`gb`, `l`, `in`); a unit word after a number (`128 ГБ`,
///   `2 литра`) is recognized too;
/// - numbers written with no-break or thin spaces as group separators (`30 000`) are joined, and
///   a decimal comma becomes a dot;
/// - a token longer than ``maximumTokenBytes`` is split into chunks of at most that size (at
///   character boundaries), as Lucene's standard tokenizer does, so nothing is dropped.
///
/// Tokens come out with raw text in `term`; normalization is the next filter's job.
public struct WordTokenizer: Sendable, Hashable {
    /// The longest token, in UTF-8 bytes, before it is split into chunks.
    public var maximumTokenBytes: Int
    /// Whether compounds and model codes are followed by their parts.
    public var emitsParts: Bool

    /// Creates a tokenizer.
    ///
    /// - Parameters:
    ///   - maximumTokenBytes: Longest token in UTF-8 bytes (default 255, at least 8).
    ///   - emitsParts: Emit the parts of compounds and model codes after the whole (default true).
    public init(maximumTokenBytes: Int = 255, emitsParts: Bool = true) {
        self.maximumTokenBytes = max(8, maximumTokenBytes)
        self.emitsParts = emitsParts
    }

    /// Tokenizes `text`, appending to `tokens` (positions start at 0 for this text).
    ///
    /// - Throws: ``ICUError`` if ICU cannot open a word break iterator.
    public func tokenize(_ text: String, into tokens: inout [Token]) throws {
        var buffer = TokenBuffer()
        var text = text
        try text.withUTF8 { bytes in
            try tokenize(bytes, into: &buffer)
            tokens.reserveCapacity(tokens.count + buffer.tokens.count)
            for raw in buffer.tokens {
                let term = buffer.withTerm(raw, in: bytes) { String(decoding: $0, as: UTF8.self) }
                tokens.append(
                    Token(
                        term: term, kind: raw.kind, flags: raw.flags, position: Int(raw.position),
                        positionLength: Int(raw.positionLength), byteRange: raw.byteRange))
            }
        }
    }

    /// Tokenizes `text` into a new array.
    public func tokenize(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        try tokenize(text, into: &tokens)
        return tokens
    }

    /// Tokenizes UTF-8 `bytes` into `buffer` (replacing what it held) without building Strings.
    ///
    /// Text in the scripts ``ByteWordSegmenter`` knows is segmented over bytes; any other text
    /// goes through ICU's break iterator. Either way the same assembler makes the tokens.
    ///
    /// - Throws: ``ICUError`` if ICU cannot open a word break iterator.
    package func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: inout TokenBuffer) throws {
        buffer.reset()
        if !ByteWordSegmenter.segment(bytes, into: &buffer.segments) {
            try WordBreakerPool.withBreaker { try $0.segments(of: bytes, into: &buffer.segments) }
        }
        let segments = buffer.segments
        segments.withUnsafeBufferPointer { segments in
            var assembler = ByteTokenAssembler(bytes: bytes, segments: segments, tokenizer: self, buffer: &buffer)
            assembler.run()
            assembler.finish(into: &buffer)
        }
    }

    /// The reference implementation: ICU's break iterator and the original assembler.
    ///
    /// Every text goes through ICU and ``ReferenceTokenAssembler``, which builds a String per
    /// token; tests check ``tokenize(_:into:)`` gives exactly these tokens.
    ///
    /// - Throws: ``ICUError`` if ICU cannot open a word break iterator.
    package func referenceTokenize(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        var text = text
        try text.withUTF8 { bytes in
            var segments: [WordBreaker.Segment] = []
            try WordBreakerPool.withBreaker { try $0.segments(of: bytes, into: &segments) }
            var assembler = ReferenceTokenAssembler(bytes: bytes, segments: segments, tokenizer: self)
            assembler.run(into: &tokens)
        }
        return tokens
    }
}
