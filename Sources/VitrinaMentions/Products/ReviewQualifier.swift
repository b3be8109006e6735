import Foundation
import VitrinaModel

/// A wish about what reviews say, found in a shopper's query — «с хорошими отзывами», «тихий»,
/// «не маломерит», «ціхі» — so search can rank products by their ``MentionSummaries``.
///
/// ``parse(_:)`` finds the qualifiers and gives the query without their words (what is left to
/// match against the catalog); ``score(_:)`` rates one product's summary for a qualifier.
///
/// ```swift
/// let parsed = ReviewQualifier.parse("тихий пылесос с хорошими отзывами")
/// // parsed.remainder == "пылесос"; parsed.qualifiers: .topic("noise"), .wellReviewed
/// let summary = summaries.summary(for: hit.productID)
/// let boost = parsed.qualifiers.compactMap { summary.flatMap($0.score) }   // each 0…1
/// ```
public struct ReviewQualifier: Sendable, Equatable {
    /// What the shopper asks for.
    public enum Wish: Sendable, Equatable {
        /// Good reviews overall («с хорошими отзывами», «хвалят»).
        case wellReviewed
        /// Reviews that speak well of a ``TopicCatalog`` topic and do not complain about it
        /// («тихий»: `noise`; «не маломерит»: `size`; «не течёт»: `leak`).
        case topic(String)
    }

    /// What the shopper asks for.
    public var wish: Wish
    /// The query's words that said it, as written.
    public var phrase: String

    /// Phrases (lowercased, «ё» as «е», words separated by one space) and their wishes.
    static let phrases: [(words: [String], wish: Wish)] = {
        let table: [(String, Wish)] = [
            (
                "с хорошими отзывами|с хорошим отзывом|с хорошими оценками|с положительными отзывами|с отличными отзывами"
                    + "|с лучшими отзывами|хорошие отзывы|хорошими отзывами|положительные отзывы|лучшие отзывы|хвалят"
                    + "|з добрымі водгукамі|з добрымі ацэнкамі|са станоўчымі водгукамі|добрыя водгукі|хваляць",
                .wellReviewed
            ),
            (
                "тихий|тихая|тихое|тихие|тихую|тихого|тихим|тихо|бесшумный|бесшумная|бесшумное|бесшумные|нешумный"
                    + "|не шумный|не шумная|не шумит|не гудит|ціхі|ціхая|ціхае|ціхія|ціха|бясшумны|бясшумная|не шуміць",
                .topic("noise")
            ),
            (
                "не маломерит|не маломерка|не маломерят|не большемерит|в размер|размер в размер|соответствует размеру"
                    + "|по размеру|не маламерыць|у памер|памер у памер|адпавядае памеру",
                .topic("size")
            ),
            ("не течет|не протекает|не подтекает|не капает|не цячэ|не працякае", .topic("leak")),
            ("без запаха|не пахнет|не воняет|без паху|не пахне|не смярдзіць", .topic("smell")),
            ("не греется|не нагревается|не перегревается|не грэецца|не награваецца", .topic("heat")),
            ("держит заряд|долго держит заряд|хорошая батарея|трымае зарад|добрая батарэя", .topic("battery")),
            ("не ломается|надежный|надежная|надежное|надзейны|надзейная|не ламаецца", .topic("breakage")),
            ("качественный|качественная|качественное|качественные|якасны|якасная|якаснае|якасныя", .topic("quality")),
            ("с быстрой доставкой|быстрая доставка|з хуткай дастаўкай|хуткая дастаўка", .topic("delivery")),
            ("хороший звук|с хорошим звуком|добры гук|з добрым гукам", .topic("sound")),
            ("хороший экран|с хорошим экраном|яркий экран|добры экран|з добрым экранам", .topic("screen")),
        ]
        var phrases: [(words: [String], wish: Wish)] = []
        for (alternatives, wish) in table {
            for phrase in alternatives.split(separator: "|") {
                phrases.append((phrase.split(separator: " ").map(String.init), wish))
            }
        }
        // Longest first, so «размер в размер» wins over «в размер».
        return phrases.sorted { $0.words.count > $1.words.count }
    }()

    /// The qualifiers of `query` and the query without their words.
    ///
    /// - Parameter query: A shopper's query, typed or spoken, Russian or Belarusian.
    /// - Returns: The qualifiers in query order (one per wish) and the remaining words joined by
    ///   spaces, as written.
    public static func parse(_ query: String) -> (qualifiers: [ReviewQualifier], remainder: String) {
        let words = query.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "'" || $0 == "’") }.map(
            String.init)
        let folded = words.map { $0.lowercased().replacingOccurrences(of: "ё", with: "е") }
        var qualifiers: [ReviewQualifier] = []
        var kept: [String] = []
        var position = 0
        while position < words.count {
            let match = phrases.first { phrase in
                position + phrase.words.count <= words.count
                    && Array(folded[position..<position + phrase.words.count]) == phrase.words
            }
            guard let match else {
                kept.append(words[position])
                position += 1
                continue
            }
            let phrase = words[position..<position + match.words.count].joined(separator: " ")
            if !qualifiers.contains(where: { $0.wish == match.wish }) {
                qualifiers.append(ReviewQualifier(wish: match.wish, phrase: phrase))
            }
            position += match.words.count
        }
        return (qualifiers, kept.joined(separator: " "))
    }

    /// How well a product's reviews meet the wish, 0…1 (0.5: as much praise as complaint);
    /// `nil` when its reviews say nothing about it.
    ///
    /// `wellReviewed`: (positive + 1) / (positive + negative + 2) over the product's mentions.
    /// `topic`: (praised + 1) / (praised + criticized + 2) over the mentions whose sentence
    /// about the topic is positive or negative; so 3 of 3 praising «тихий» gives 0.8, 0 of 4 gives
    /// 0.17. Smoothing keeps one review from deciding.
    ///
    /// - Parameter product: The product's summary.
    /// - Returns: The score, or `nil` without evidence.
    public func score(_ product: MentionSummaries.Product) -> Double? {
        let (good, bad): (Int, Int)
        switch wish {
        case .wellReviewed: (good, bad) = (product.positive, product.negative)
        case .topic(let id): (good, bad) = product.topic(id)
        }
        guard good + bad > 0 else { return nil }
        return Double(good + 1) / Double(good + bad + 2)
    }

    /// A short spoken reason, such as «о шуме хорошо отзываются 12, жалуются 1» (be: «пра шум
    /// добра адгукаюцца 12, скардзяцца 1»), or `nil` without evidence.
    ///
    /// - Parameters:
    ///   - product: The product's summary.
    ///   - language: `be` for Belarusian, anything else for Russian.
    /// - Returns: The reason.
    public func reason(_ product: MentionSummaries.Product, language: Language) -> String? {
        let belarusian = language == .be
        switch wish {
        case .wellReviewed:
            guard product.positive + product.negative > 0 else { return nil }
            return belarusian
                ? "станоўчых водгукаў \(product.positive), адмоўных \(product.negative)"
                : "положительных отзывов \(product.positive), отрицательных \(product.negative)"
        case .topic(let id):
            let (good, bad) = product.topic(id)
            guard good + bad > 0 else { return nil }
            let topic = (product.praised + product.criticized).first { $0.id == id }
            let name = (belarusian ? topic?.be : topic?.ru) ?? id
            return belarusian
                ? "пра «\(name)» добра адгукаюцца \(good), скардзяцца \(bad)"
                : "о теме «\(name)» хорошо отзываются \(good), жалуются \(bad)"
        }
    }
}
