/// Groups negative mentions that say nearly the same thing into incidents.
///
/// Each mention is a set of stems; MinHash signatures (12 hashes) in 4 bands of 3 rows find
/// candidates, and a candidate joins the first mention of its bucket when their stem sets share
/// at least half of their union (Jaccard ≥ 0.5). Linear in the number of mentions.
enum IncidentGrouping {
    static let hashes = 12
    static let rows = 3

    static func group(
        _ negatives: [(mention: Int32, stems: [UInt64])], mentions: [Mention], records: [MentionAnalytics.Record],
        top: Int
    ) -> [MentionReport.Incident] {
        var parent = Array(negatives.indices)
        func find(_ item: Int) -> Int {
            var item = item
            while parent[item] != item {
                parent[item] = parent[parent[item]]
                item = parent[item]
            }
            return item
        }
        var buckets: [UInt64: Int] = [:]
        for (position, negative) in negatives.enumerated() where !negative.stems.isEmpty {
            var signature = [UInt64](repeating: .max, count: hashes)
            for stem in negative.stems {
                for index in 0..<hashes {
                    signature[index] = min(signature[index], FeatureHash.mix(stem &+ UInt64(index) &* 0x9E37_79B9))
                }
            }
            for band in 0..<(hashes / rows) {
                var key = UInt64(band) &* 0x1000_0000_01B3
                for row in 0..<rows { key = FeatureHash.mix(key ^ signature[band * rows + row]) }
                if let first = buckets[key] {
                    if find(first) != find(position) && jaccard(negatives[first].stems, negative.stems) >= 0.5 {
                        parent[find(position)] = find(first)
                    }
                } else {
                    buckets[key] = position
                }
            }
        }
        var members: [Int: [Int]] = [:]
        for position in negatives.indices { members[find(position), default: []].append(position) }
        var incidents: [MentionReport.Incident] = []
        for group in members.values where group.count >= 2 {
            let indices = group.map { Int(negatives[$0].mention) }.sorted {
                (mentions[$0].date ?? .infinity, mentions[$0].id) < (mentions[$1].date ?? .infinity, mentions[$1].id)
            }
            let days = indices.map { records[$0].day }.filter { $0 != Int.min }
            incidents.append(
                MentionReport.Incident(
                    size: indices.count, text: mentions[indices[0]].text, first: days.min().map(DayNumber.name),
                    last: days.max().map(DayNumber.name), reach: indices.reduce(0) { $0 + mentions[$1].reach },
                    sources: Set(indices.map { mentions[$0].source }).sorted(),
                    products: Set(indices.compactMap { mentions[$0].product?.key }).sorted(),
                    mentionIDs: indices.prefix(10).map { mentions[$0].id }))
        }
        incidents.sort { $0.size > $1.size || ($0.size == $1.size && $0.reach > $1.reach) }
        return Array(incidents.prefix(top))
    }

    /// |a ∩ b| / |a ∪ b| of two sorted, distinct arrays.
    static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        var i = 0
        var j = 0
        var common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                common += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let union = a.count + b.count - common
        return union == 0 ? 0 : Double(common) / Double(union)
    }
}
