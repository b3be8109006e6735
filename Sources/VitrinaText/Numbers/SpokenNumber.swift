/// A number found in a list of words: its value and the words it spans.
///
/// ```swift
/// let parser = try SpokenNumberParser(language: .ru)
/// parser.numbers(in: ["до", "тридцати", "тысяч", "рублей"])
/// // [SpokenNumber(value: 30000, range: 1..<3)]
/// ```
public struct SpokenNumber: Sendable, Equatable {
    /// The value, such as 25000 for `двадцати пяти тысяч` or 2.5 for `два с половиной`.
    public var value: Double
    /// Indices of the words that spell it, in the list given to the parser.
    public var range: Range<Int>

    /// Creates a spoken number.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - range: The indices of the words that spell it.
    ///
    /// ```swift
    /// SpokenNumber(value: 30_000, range: 1..<3)
    /// ```
    public init(value: Double, range: Range<Int>) {
        self.value = value
        self.range = range
    }
}
