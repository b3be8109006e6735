/// The weights of ``Ranker``.
///
/// Written by `Queries/tools/fit_ranker.py` (coordinate ascent on the development split of the
/// real-catalog query sets; see README, "Evaluating on real data"); edit by re-running it.
public enum RankerWeights {
    /// The fitted weights.
    public static let fitted: [RankingFeature: Double] = [
        .bm25: 2, .titleCoverage: 0.3, .coverage: 0.1, .adjacency: 0.3, .codeMatch: 0.1, .codeMiss: -0.3,
        .headNoun: 0.5, .category: 0.2, .vendorMatch: 0.5, .vendorMiss: -0.5, .colourMatch: 0.2, .colourMiss: 0,
        .languageMatch: 0, .inStock: 0.2, .popularity: 0,
    ]
}
