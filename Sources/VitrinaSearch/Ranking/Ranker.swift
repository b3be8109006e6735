/// Combines a candidate's features (``RankingFeature``) into one score: a weighted sum, with the
/// weights fitted on a development set (``RankerWeights``).
public struct Ranker: Sendable {
    /// One feature's part of a score, for `ask --explain`.
    public struct Contribution: Sendable, Codable, Equatable {
        /// The feature.
        public var feature: RankingFeature
        /// Its value for the product.
        public var value: Double
        /// Its weight.
        public var weight: Double
        /// `value × weight`.
        public var contribution: Double
    }

    /// Weight per feature.
    public let weights: [RankingFeature: Double]

    /// A ranker with `weights` (absent features weigh 0).
    public init(weights: [RankingFeature: Double] = RankerWeights.fitted) {
        self.weights = weights
    }

    /// The score of a feature vector.
    public func score(_ features: [RankingFeature: Double]) -> Double {
        // In a fixed order: a dictionary's order differs per instance, and floating-point sums with it,
        // which would break ties between equal products differently on every run.
        RankingFeature.allCases.reduce(0) { $0 + (features[$1] ?? 0) * (weights[$1] ?? 0) }
    }

    /// Each feature's value, weight and contribution, in the order of ``RankingFeature``.
    public func explain(_ features: [RankingFeature: Double]) -> [Contribution] {
        RankingFeature.allCases.map { feature in
            let value = features[feature] ?? 0
            let weight = weights[feature] ?? 0
            return Contribution(feature: feature, value: value, weight: weight, contribution: value * weight)
        }
    }
}
