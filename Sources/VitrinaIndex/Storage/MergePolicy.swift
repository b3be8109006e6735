/// Decides which segments to merge at commit time: a tiered policy in the spirit of Lucene's.
///
/// Segments are grouped into tiers by their live document count (tier *t* holds counts in
/// `[mergeFactor^t, mergeFactor^(t+1))`); whenever a tier holds `mergeFactor` segments, they are
/// merged into one of the next tier. A segment with more than `maximumDeletedRatio` of its
/// documents deleted is rewritten alone, which purges them. Merging happens inside `commit()`,
/// with no background thread, so a writer's memory and CPU use stay predictable. A merge is built
/// in memory, so no merge produces more than `maximumMergedDocuments` live documents (as Lucene's
/// maximum merged segment size): past that, segments stay as they are and writer memory stays
/// bounded however large the catalog.
public struct MergePolicy: Sendable, Equatable {
    /// How many segments of one tier trigger a merge.
    public var mergeFactor: Int
    /// The share of deleted documents that makes a segment worth rewriting.
    public var maximumDeletedRatio: Double
    /// The most live documents a merge may produce.
    public var maximumMergedDocuments: Int

    /// Creates a policy.
    public init(mergeFactor: Int = 10, maximumDeletedRatio: Double = 0.3, maximumMergedDocuments: Int = 100_000) {
        self.mergeFactor = max(2, mergeFactor)
        self.maximumDeletedRatio = maximumDeletedRatio
        self.maximumMergedDocuments = max(1, maximumMergedDocuments)
    }

    /// One segment as the policy sees it.
    struct Candidate {
        var name: String
        var documents: Int
        var deleted: Int
        var live: Int { documents - deleted }
    }

    /// Groups of segment names to merge, each into one new segment.
    func merges(_ segments: [Candidate]) -> [[String]] {
        var groups: [[String]] = []
        var used: Set<String> = []
        var tiers: [Int: [Candidate]] = [:]
        for segment in segments where segment.live > 0 && segment.live < maximumMergedDocuments {
            var tier = 0
            var bound = mergeFactor
            while segment.live >= bound {
                tier += 1
                bound *= mergeFactor
            }
            tiers[tier, default: []].append(segment)
        }
        for tier in tiers.keys.sorted() {
            guard let members = tiers[tier] else { continue }
            guard members.count >= mergeFactor else { continue }
            // Smallest first: a group is merged when it has `mergeFactor` members, or when the next
            // member would take it past the cap (then with at least two); a remainder waits.
            var group: [Candidate] = []
            var groupLive = 0
            for member in members.sorted(by: { $0.live < $1.live }) {
                if groupLive + member.live > maximumMergedDocuments {
                    if group.count >= 2 {
                        groups.append(group.map(\.name))
                        used.formUnion(group.map(\.name))
                    }
                    group = []
                    groupLive = 0
                }
                group.append(member)
                groupLive += member.live
                if group.count == mergeFactor {
                    groups.append(group.map(\.name))
                    used.formUnion(group.map(\.name))
                    group = []
                    groupLive = 0
                }
            }
        }

        for segment in segments where !used.contains(segment.name) && segment.deleted > 0 {
            if Double(segment.deleted) / Double(max(1, segment.documents)) > maximumDeletedRatio {
                groups.append([segment.name])
            }
        }
        return groups
    }
}
