/// A number found in a list of words: its value and the words it spans.
public struct SpokenNumber: Sendable, Equatable {
    /// The value, such as 25000 for `двадцати пяти тысяч`.
    public var value: Double
    /// Indices of the words that spell it, in the list given to the parser.
    public var range: Range<Int>

    /// Creates a spoken number.
    public init(value: Double, range: Range<Int>) {
        self.value = value
        self.range = range
    }
}
