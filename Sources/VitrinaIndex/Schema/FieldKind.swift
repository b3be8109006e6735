/// How a schema field is indexed.
public enum FieldKind: Codable, Sendable, Equatable {
    /// Analyzed text, searched with BM25F. `weight` multiplies the field's term frequencies;
    /// `stopWords` drops the language's stop words (for long descriptive fields); `neutral`
    /// analyzes with the neutral chain (codes, models) instead of the document's language.
    case text(weight: Double, stopWords: Bool = false, neutral: Bool = false)
    /// Exact values (normalized, not tokenized), for filters and facets; a field may hold several.
    case keyword
    /// A number, for range filters, sorting and range facets.
    case numeric
}
