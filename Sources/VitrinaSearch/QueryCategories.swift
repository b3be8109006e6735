import VitrinaIndex

/// Which categories a query is about, learned from the catalog: the category distribution of the
/// best keyword matches of the query's product-kind words, weighted by their scores (how
/// e-commerce engines classify queries, without a hand-written category table).
///
/// «ось колеса коляски» in a shop of pram parts is mostly «Запчасти для колясок»; «кофеварка» is
/// mostly «Кофеварки» even though filters and descaling tablets mention it too. A category is
/// *confident* when it holds at least ``confidentShare`` of the distribution.
struct QueryCategories: Sendable {
    /// Share of the distribution per category path (the products' own, deepest paths).
    let shares: [String: Double]

    /// A category above this share is taken as what the query asks for.
    static let confidentShare = 0.3
    /// How many of the best matches vote.
    static let voters = 30

    /// The distribution over the best `hits` (in rank order).
    init(hits: [SearchResult.Hit]) {
        let voting = hits.prefix(Self.voters)
        let best = voting.first?.score ?? 0
        var shares: [String: Double] = [:]
        var total = 0.0
        for (rank, hit) in voting.enumerated() {
            guard !hit.product.categoryPath.isEmpty else { continue }
            let path = hit.product.categoryPath.joined(separator: " > ")
            // Scores when there are any (relevance), else rank (sorted lists).
            let weight = best > 0 ? hit.score / best : 1 / Double(rank + 1)
            shares[path, default: 0] += weight
            total += weight
        }
        self.shares = total > 0 ? shares.mapValues { $0 / total } : [:]
    }

    /// The share of `path` (a product's category path).
    func share(of path: [String]) -> Double {
        path.isEmpty ? 0 : shares[path.joined(separator: " > ")] ?? 0
    }

    /// Categories at or above ``confidentShare``, the largest first.
    var confident: [String] {
        shares.filter { $0.value >= Self.confidentShare }.sorted {
            $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
        }
        .map(\.key)
    }
}
