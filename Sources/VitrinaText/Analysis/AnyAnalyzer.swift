/// A type-erased analyzer, for the edges where the chain is chosen at run time.
///
/// ```swift
/// let analyzer = AnyAnalyzer(preset: .be)
/// let tokens = try analyzer.analyze("Інтэрнэт-крама")
/// ```
public struct AnyAnalyzer: Sendable {
    /// The preset this analyzer was built from, if any.
    public let preset: AnalyzerPreset?
    /// Whether stop words are removed.
    public let removesStopWords: Bool
    private let body: @Sendable (String, inout [Token]) throws -> Void
    /// The tokenizer of the chain.
    package let tokenizer: WordTokenizer
    /// The chain's filters applied to one token (`false`: dropped); `nil` for the keyword chain,
    /// which does not tokenize.
    package let filter: (@Sendable (inout Token) -> Bool)?

    /// Wraps a statically composed analyzer.
    public init<Filter: TokenFilter>(_ analyzer: Analyzer<Filter>) {
        self.preset = nil
        self.removesStopWords = false
        self.body = { text, tokens in try analyzer.analyze(text, into: &tokens) }
        self.tokenizer = analyzer.tokenizer
        self.filter = { analyzer.filter.apply(to: &$0) }
    }

    /// Builds one of the built-in chains.
    ///
    /// - Parameters:
    ///   - preset: Which chain.
    ///   - removesStopWords: Drop the language's stop words (for description fields; default
    ///     false). Ignored by `neutral` and `keyword`.
    ///   - tokenizer: The tokenizer settings.
    public init(preset: AnalyzerPreset, removesStopWords: Bool = false, tokenizer: WordTokenizer = WordTokenizer()) {
        self.preset = preset
        self.removesStopWords = removesStopWords
        self.tokenizer = tokenizer
        switch preset {
        case .ru:
            (body, filter) = Self.stemmingChain(
                .ru, RussianStemmer(), removesStopWords: removesStopWords, tokenizer: tokenizer)
        case .be:
            (body, filter) = Self.stemmingChain(
                .be, BelarusianStemmer(), removesStopWords: removesStopWords, tokenizer: tokenizer)
        case .neutral:
            let normalize = NormalizationFilter(language: .other)
            let analyzer = Analyzer(tokenizer: tokenizer, filter: normalize)
            body = { text, tokens in try analyzer.analyze(text, into: &tokens) }
            filter = { normalize.apply(to: &$0) }
        case .keyword:
            filter = nil
            let normalizer = TextNormalizer(language: .other)
            body = { text, tokens in
                let (trimmed, slice) = KeywordText.trimmed(text)
                let normalized = normalizer.normalize(slice)
                guard !normalized.isEmpty else { return }
                var token = Token(term: normalized, kind: .word, flags: [.keyword], position: 0, byteRange: trimmed)
                token.normalized = normalized
                tokens.append(token)
            }
        }
    }

    /// The ru/be chain: normalization, optional stop words, stemming; the whole analysis and the
    /// filters alone.
    private static func stemmingChain<S: Stemmer>(
        _ language: Language, _ stemmer: S, removesStopWords: Bool, tokenizer: WordTokenizer
    ) -> (@Sendable (String, inout [Token]) throws -> Void, @Sendable (inout Token) -> Bool) {
        let normalize = NormalizationFilter(language: language)
        let stem = StemFilter(stemmer)
        if removesStopWords {
            let chain = normalize.followed(by: StopWordFilter(language: language)).followed(by: stem)
            let analyzer = Analyzer(tokenizer: tokenizer, filter: chain)
            return ({ text, tokens in try analyzer.analyze(text, into: &tokens) }, { chain.apply(to: &$0) })
        }
        let chain = normalize.followed(by: stem)
        let analyzer = Analyzer(tokenizer: tokenizer, filter: chain)
        return ({ text, tokens in try analyzer.analyze(text, into: &tokens) }, { chain.apply(to: &$0) })
    }

    /// Analyzes `text`, appending the kept tokens to `tokens`.
    ///
    /// - Throws: ``ICUError`` if ICU cannot open a word break iterator.
    public func analyze(_ text: String, into tokens: inout [Token]) throws {
        try body(text, &tokens)
    }

    /// Analyzes `text` into a new array of tokens.
    public func analyze(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        try body(text, &tokens)
        return tokens
    }
}

/// Helpers for the keyword chain.
enum KeywordText {
    /// `text` without leading and trailing ASCII whitespace, and its UTF-8 byte range.
    static func trimmed(_ text: String) -> (Range<Int>, String) {
        let bytes = Array(text.utf8)
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return (start..<end, String(decoding: bytes[start..<end], as: UTF8.self))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
