import Foundation
import VitrinaCatalog

/// The reviews and posts attached to one product in an import.
struct SocialAggregate {
    /// Texts with their dates, to keep the newest.
    private(set) var texts: [(date: Double?, text: String)] = []
    /// Reviews (not posts).
    private(set) var reviews = 0
    private var ratingSum = 0.0
    private var rated = 0

    /// Adds one review or post.
    mutating func add(_ item: SocialItem) {
        let text = item.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty { texts.append((item.date, String(text.prefix(Self.maximumTextCharacters)))) }
        if item.kind == .review { reviews += 1 }
        if let rating = item.rating, (1...5).contains(rating) {
            ratingSum += rating
            rated += 1
        }
    }

    /// The average rating of the rated items, if any.
    var averageRating: Double? { rated > 0 ? ratingSum / Double(rated) : nil }

    /// Up to `limit` texts, newest first (undated ones last, in file order).
    func newestTexts(_ limit: Int) -> [String] {
        let ordered = texts.enumerated().sorted { lhs, rhs in
            switch (lhs.element.date, rhs.element.date) {
            case let (left?, right?) where left != right: return left > right
            case (.some, .none): return true
            case (.none, .some): return false
            default: return lhs.offset < rhs.offset
            }
        }
        return ordered.prefix(limit).map(\.element.text)
    }

    /// Texts longer than this many characters are cut (they are searched, not displayed).
    static let maximumTextCharacters = 2_000
}
