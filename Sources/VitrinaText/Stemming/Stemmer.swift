/// Reduces a word form to a stem: an index key shared by the forms of one word.
///
/// A stem is not necessarily a real word. Stemmers expect their input already normalized by
/// the analysis chain (case-folded, NFKC); they never lowercase by themselves.
///
/// ```swift
/// RussianStemmer().stem("телевизоров") // "телевизор"
/// ```
public protocol Stemmer: Sendable {
    /// Returns the stem of `word`, a single case-folded word without spaces.
    ///
    /// - Parameter word: One lowercase word. Words the algorithm does not apply to (digits,
    ///   Latin letters, an empty string) are returned unchanged.
    /// - Returns: The stem; never longer than `word`.
    func stem(_ word: String) -> String
}
