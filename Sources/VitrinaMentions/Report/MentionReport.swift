/// Everything `vitrina mentions report` says about a set of mentions (the `--json` shape,
/// version 1, documented in README).
public struct MentionReport: Codable, Sendable {
    /// Shape version.
    public var version = 1
    /// What the report covers.
    public var summary: Summary
    /// Mentions per day with their tonality.
    public var timeline: [Day]
    /// Recurring topics, most characteristic first.
    public var topics: [TopicFigures]
    /// Topics per product, brand and category.
    public var groups: Groups
    /// Alerts over the last window against the baseline before it.
    public var alerts: [Alert]
    /// Authors who praise most, with their reach.
    public var advocates: [Author]
    /// Authors who complain most.
    public var detractors: [Author]
    /// Authors with the largest audiences who talk about the shop.
    public var opinionLeaders: [Author]
    /// Negative mentions grouped by near-duplicate text.
    public var incidents: [Incident]

    /// Totals.
    public struct Summary: Codable, Sendable {
        /// Mentions in the report.
        public var mentions: Int
        /// Mentions per tonality label.
        public var positive: Int
        public var negative: Int
        public var neutral: Int
        /// negative / mentions.
        public var negativeShare: Double
        /// Mean tonality score.
        public var meanScore: Double
        /// Mentions per source.
        public var sources: [String: Int]
        /// Mentions per language.
        public var languages: [String: Int]
        /// First and last dates (ISO 8601 days), when mentions have dates.
        public var first: String?
        public var last: String?
        /// Mentions without a date (not in the timeline, trends or alerts).
        public var undated: Int
    }

    /// One day.
    public struct Day: Codable, Sendable {
        /// `yyyy-MM-dd` (UTC).
        public var date: String
        public var mentions: Int
        public var positive: Int
        public var negative: Int
        public var neutral: Int
    }

    /// A quote of a mention with the matched words.
    public struct Quote: Codable, Sendable {
        /// The mention.
        public var mentionID: String
        /// The sentence (at most about 160 characters).
        public var text: String
        /// Where the matched word is in `text`, in characters.
        public var matchStart: Int
        public var matchEnd: Int
        /// The sentence's tonality label.
        public var tonality: String
    }

    /// One topic over the whole report.
    public struct TopicFigures: Codable, Sendable {
        /// The topic id (`delivery`, …) or `term:<word>` for a topic found in the texts.
        public var id: String
        /// Names in Russian and Belarusian (a discovered term: the word as written most often).
        public var ru: String
        public var be: String
        /// Whether the topic is from the catalog or discovered in the texts.
        public var discovered: Bool
        /// Mentions naming it.
        public var mentions: Int
        /// Share of those whose sentence about it is negative, positive.
        public var negativeShare: Double
        public var positiveShare: Double
        /// c-TF-IDF of the topic in this report's mentions against the whole collection.
        public var score: Double
        /// `emerging` (new in the last window), `rising`, `falling` or `steady`.
        public var trend: String
        /// Mentions in the last window and per day in the baseline before it.
        public var recent: Int
        public var baselinePerDay: Double
        /// Mentions per week (Monday-based, `yyyy-MM-dd` of the Monday).
        public var weeks: [String: Int]
        /// Up to three quotes.
        public var examples: [Quote]
    }

    /// A topic in a group.
    public struct GroupTopic: Codable, Sendable {
        public var id: String
        /// Its name in Russian.
        public var ru: String
        public var mentions: Int
        public var negativeShare: Double
        /// c-TF-IDF of the topic in this group against all groups.
        public var score: Double
    }

    /// A product, brand or category.
    public struct Group: Codable, Sendable {
        /// The product key (id, else SKU, barcode, URL or title), brand or category.
        public var key: String
        /// The product's title, when the report was given the product index.
        public var title: String?
        public var mentions: Int
        public var positive: Int
        public var negative: Int
        public var negativeShare: Double
        public var meanScore: Double
        /// Mean star rating of its rated mentions.
        public var meanRating: Double?
        /// Its most characteristic topics.
        public var topics: [GroupTopic]
    }

    /// Per product, brand, category.
    public struct Groups: Codable, Sendable {
        public var products: [Group]
        public var brands: [Group]
        public var categories: [Group]
    }

    /// Something that changed significantly in the last window.
    public struct Alert: Codable, Sendable {
        /// `volume`, `negative-share`, `topic` (rising or emerging), `product-negative`.
        public var kind: String
        /// The topic id or product key, when the alert is about one.
        public var subject: String?
        /// A sentence for people (ru).
        public var message: String
        /// The window and baseline.
        public var windowStart: String
        public var windowEnd: String
        public var baselineStart: String
        /// Count (or share) in the window and what the baseline predicts for it.
        public var observed: Double
        public var expected: Double
        /// The test statistic (z) and the one-sided p-value.
        public var z: Double
        public var pValue: Double
        /// A few mention ids behind it.
        public var mentionIDs: [String]
    }

    /// An author.
    public struct Author: Codable, Sendable {
        public var name: String
        public var mentions: Int
        public var positive: Int
        public var negative: Int
        /// The largest follower count seen for the author.
        public var followers: Int
        /// Likes, reposts and comments on the author's mentions.
        public var engagement: Int
        /// followers + likes + 10 × reposts + comments, summed over mentions of distinct followers once.
        public var reach: Int
        /// The ranking score (see README).
        public var score: Double
        /// Sources the author writes in.
        public var sources: [String]
        /// Whether the author counts as an opinion leader.
        public var opinionLeader: Bool
    }

    /// Negative mentions that say nearly the same thing.
    public struct Incident: Codable, Sendable {
        /// How many mentions.
        public var size: Int
        /// The text of the earliest.
        public var text: String
        public var first: String?
        public var last: String?
        /// Their summed reach.
        public var reach: Int
        public var sources: [String]
        public var products: [String]
        /// Up to ten mention ids.
        public var mentionIDs: [String]
    }
}
