/// Placeholder until the real algorithm lands (being written now).
public struct BelarusianStemmer: Stemmer {
    /// Creates the stemmer.
    public init() {}
    /// Returns the stem of `word`.
    public func stem(_ word: String) -> String { word }
}
