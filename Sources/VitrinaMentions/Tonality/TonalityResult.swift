/// The tonality of a text: a label and a signed score.
///
/// `score` runs from −1 (surely negative) to +1 (surely positive): the model's probability of
/// positive minus that of negative. The label is the most probable class.
public struct TonalityResult: Codable, Sendable, Equatable {
    /// Positive, negative or neutral.
    public enum Label: String, Codable, Sendable, CaseIterable {
        /// Praise, satisfaction, a recommendation.
        case positive
        /// A complaint, criticism, a problem.
        case negative
        /// Neither: a question, news, an advertisement, or mixed feelings.
        case neutral
    }

    /// The label.
    public var label: Label
    /// P(positive) − P(negative), in −1…1.
    public var score: Double

    /// Creates a result.
    public init(label: Label, score: Double) {
        self.label = label
        self.score = score
    }

    /// The neutral result of an empty text.
    public static let empty = TonalityResult(label: .neutral, score: 0)
}
