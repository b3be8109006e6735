/// What a mentions report covers and how trends are judged.
public struct ReportOptions: Sendable {
    /// Start of the window trends and alerts look at (Unix seconds); default: `windowDays`
    /// before `until`.
    public var since: Double?
    /// End of the window (exclusive, Unix seconds); default: the day after the last mention.
    public var until: Double?
    /// Length of the default window, in days.
    public var windowDays = 7
    /// Length of the baseline before the window, in days.
    public var baselineDays = 28
    /// Alerts need at least this many mentions in the window (monitoring tools flag a trend
    /// from about 50).
    public var minimumMentions = 50
    /// One-sided p-value an alert must beat (divided among the tests of one kind, Bonferroni).
    public var significance = 0.001
    /// How many topics, authors and incidents to list.
    public var top = 15
    /// Authors with at least this many followers are opinion leaders.
    public var leaderFollowers = 10_000
    /// Only mentions of this product key (id, SKU, barcode, URL or title), when set.
    public var product: String?
    /// Only mentions of this brand, when set.
    public var brand: String?
    /// Product titles by product key, shown next to the keys (``ProductResolver/titles``).
    public var productTitles: [String: String] = [:]

    /// Default options.
    public init() {}
}
