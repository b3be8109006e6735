/// A tokenizer followed by a chain of filters: turns text into index terms.
///
/// Built once and shared (it is an immutable `Sendable` value); the filter chain's type is
/// generic, so calls are dispatched statically. Use ``AnyAnalyzer`` where the chain is chosen at
/// run time (schema, CLI).
///
/// ```swift
/// let analyzer = Analyzer(filter: NormalizationFilter(language: .ru)
///     .followed(by: StemFilter(RussianStemmer())))
/// let terms = try analyzer.analyze("Телевизоры Samsung").map(\.term) // ["телевизор", "samsung"]
/// ```
public struct Analyzer<Filter: TokenFilter>: Sendable {
    /// The tokenizer.
    public let tokenizer: WordTokenizer
    /// The filter chain applied to each token.
    public let filter: Filter

    /// Creates an analyzer from a tokenizer and a filter chain.
    public init(tokenizer: WordTokenizer = WordTokenizer(), filter: Filter) {
        self.tokenizer = tokenizer
        self.filter = filter
    }

    /// Analyzes `text`, appending the kept tokens to `tokens` (reuse the array across calls to
    /// avoid allocating).
    ///
    /// - Throws: ``ICUError`` if ICU cannot open a word break iterator.
    public func analyze(_ text: String, into tokens: inout [Token]) throws {
        let first = tokens.count
        try tokenizer.tokenize(text, into: &tokens)
        var kept = first
        for index in first..<tokens.count where filter.apply(to: &tokens[index]) {
            // Filter in place (no copy of the token's strings), then close any gap.
            if kept != index { tokens.swapAt(kept, index) }
            kept += 1
        }
        tokens.removeSubrange(kept...)
    }

    /// Analyzes `text` into a new array of tokens.
    public func analyze(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        try analyze(text, into: &tokens)
        return tokens
    }
}
