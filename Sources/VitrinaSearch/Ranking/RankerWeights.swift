/// The weights of ``Ranker``.
///
/// Written by `Queries/tools/fit_ranker.py` (coordinate ascent on the development split of the
/// real-catalog query sets; see README, "Evaluating on real data"); edit by re-running it.
public enum RankerWeights {
    /// The fitted weights.
    public static let fitted: [RankingFeature: Double] = [
        .bm25: 1.0, .titleCoverage: 1.0, .coverage: 0.5, .adjacency: 0.3, .codeMatch: 1.5, .codeMiss: -0.5,
        .headNoun: 0.5, .category: 1.0, .vendorMatch: 0.5, .vendorMiss: -0.5, .colourMatch: 0.5,
        .colourMiss: -0.5, .inStock: 0.1, .popularity: 0.1,
    ]
}
