/// A step of the analysis chain that changes a token in place or drops it.
///
/// Filters are small immutable values, composed with ``TokenFilter/followed(by:)`` into a
/// ``FilterChain`` whose calls are dispatched statically. A filter must not change
/// `byteRange`, and drops leave a position gap (as Lucene's stop filter does).
///
/// ```swift
/// let filter = NormalizationFilter(language: .ru).followed(by: StemFilter(RussianStemmer()))
/// ```
public protocol TokenFilter: Sendable {
    /// Transforms `token`; returns `false` to drop it.
    func apply(to token: inout Token) -> Bool
}

extension TokenFilter {
    /// Returns a chain that applies this filter, then `next`.
    public func followed<Next: TokenFilter>(by next: Next) -> FilterChain<Self, Next> {
        FilterChain(first: self, second: next)
    }
}

/// Two filters applied one after the other; built by ``TokenFilter/followed(by:)``.
public struct FilterChain<First: TokenFilter, Second: TokenFilter>: TokenFilter {
    /// The filter applied first.
    public let first: First
    /// The filter applied to what `first` keeps.
    public let second: Second

    /// Applies `first`, then `second` when `first` kept the token.
    @inlinable
    public func apply(to token: inout Token) -> Bool {
        first.apply(to: &token) && second.apply(to: &token)
    }
}

/// The filter that keeps every token unchanged: the start of a chain.
public struct IdentityFilter: TokenFilter {
    /// Creates the identity filter.
    public init() {}

    /// Keeps `token` as it is.
    @inlinable
    public func apply(to token: inout Token) -> Bool { true }
}
