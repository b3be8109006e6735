import Foundation

/// Ranks authors: advocates (positive mentions), detractors (negative ones) and opinion leaders
/// (the largest audiences).
///
/// An author's reach is the largest follower count seen for them plus the engagement (likes,
/// reposts ×10, comments) of their mentions. Advocates are ranked by
/// `positive × (1 + log10(1 + reach))` among authors with at least two positive mentions and more
/// positive than negative ones — so passion (how often) and reach both count; detractors the same
/// way with negative mentions. Opinion leaders have at least ``ReportOptions/leaderFollowers``
/// followers, or are in the top 1% by reach with at least two mentions.
struct AuthorRanking {
    let options: ReportOptions

    struct Tally {
        var mentions = 0
        var positive = 0
        var negative = 0
        var followers = 0
        var engagement = 0
        var sources = Set<String>()
    }

    func rank(_ mentions: [Mention], records: [MentionAnalytics.Record]) -> (
        advocates: [MentionReport.Author], detractors: [MentionReport.Author], leaders: [MentionReport.Author]
    ) {
        var tallies: [String: Tally] = [:]
        for (index, mention) in mentions.enumerated() {
            guard let author = mention.author, !author.isEmpty else { continue }
            var tally = tallies[author] ?? Tally()
            tally.mentions += 1
            if records[index].label == .positive { tally.positive += 1 }
            if records[index].label == .negative { tally.negative += 1 }
            tally.followers = max(tally.followers, mention.followers ?? 0)
            tally.engagement += (mention.likes ?? 0) + 10 * (mention.reposts ?? 0) + (mention.comments ?? 0)
            tally.sources.insert(mention.source)
            tallies[author] = tally
        }
        let reaches = tallies.values.filter { $0.mentions >= 2 }.map { $0.followers + $0.engagement }.sorted()
        let topReach = reaches.isEmpty ? Int.max : reaches[min(reaches.count - 1, reaches.count * 99 / 100)]
        func author(_ name: String, _ tally: Tally, score: Double) -> MentionReport.Author {
            let reach = tally.followers + tally.engagement
            return MentionReport.Author(
                name: name, mentions: tally.mentions, positive: tally.positive, negative: tally.negative,
                followers: tally.followers, engagement: tally.engagement, reach: reach,
                score: (score * 100).rounded() / 100, sources: tally.sources.sorted(),
                opinionLeader: tally.followers >= options.leaderFollowers
                    || (tally.mentions >= 2 && reach >= topReach && reach > 0))
        }
        func ranked(_ count: (Tally) -> Int, _ other: (Tally) -> Int) -> [MentionReport.Author] {
            var list: [MentionReport.Author] = []
            for (name, tally) in tallies where count(tally) >= 2 && count(tally) > other(tally) {
                let reach = Double(tally.followers + tally.engagement)
                list.append(author(name, tally, score: Double(count(tally)) * (1 + log10(1 + reach))))
            }
            list.sort { $0.score > $1.score || ($0.score == $1.score && $0.name < $1.name) }
            return Array(list.prefix(options.top))
        }
        var leaders: [MentionReport.Author] = []
        for (name, tally) in tallies {
            let candidate = author(name, tally, score: Double(tally.followers + tally.engagement))
            if candidate.opinionLeader { leaders.append(candidate) }
        }
        leaders.sort { $0.reach > $1.reach || ($0.reach == $1.reach && $0.name < $1.name) }
        return (ranked(\.positive, \.negative), ranked(\.negative, \.positive), Array(leaders.prefix(options.top)))
    }
}
