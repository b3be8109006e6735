import Foundation
import VitrinaIndex
import VitrinaModel

/// What shoppers say about each product: tonality and the topics they praise or complain about,
/// kept in a side file next to the product index so search can rank by it and answer
/// «что говорят о …».
///
/// `vitrina mentions import --index DIR` writes `DIR.mentions.json` (``path(nextTo:)``) after
/// each import, over every mention in the store. Search reads it with ``load(nextTo:)`` and asks
/// ``summary(for:)`` or ``answer(for:title:language:)``.
///
/// ```swift
/// let summaries = try MentionSummaries.load(nextTo: "shop.index")
/// summaries?.answer(for: "el-0223", title: "чайник Xiaomi", language: .ru)
/// // «О товаре чайник Xiaomi пишут 152 раза, положительно — 12%. Хвалят: доставка.
/// //  Жалуются: протекает; возврат и обмен.»
/// ```
public struct MentionSummaries: Codable, Sendable {
    /// A topic and how many of a product's mentions talk about it in that tone.
    public struct TopicCount: Codable, Sendable, Equatable {
        /// The ``TopicCatalog`` id (`delivery`, `noise`, …).
        public var id: String
        /// Its names.
        public var ru: String
        public var be: String
        /// Mentions whose sentence about the topic has this tone.
        public var mentions: Int
    }

    /// One product.
    public struct Product: Codable, Sendable, Equatable {
        /// The product id in the catalog (or the mention's own key when no index resolved it).
        public var product: String
        /// Mentions about it, per tonality label.
        public var mentions: Int
        public var positive: Int
        public var negative: Int
        public var neutral: Int
        /// Mean tonality score, −1…1: a ranking feature («с хорошими отзывами»).
        public var meanScore: Double
        /// Mean star rating of rated mentions.
        public var meanRating: Double?
        /// Topics praised, most mentioned first.
        public var praised: [TopicCount]
        /// Topics complained about, most mentioned first.
        public var criticized: [TopicCount]

        /// positive / mentions.
        public var positiveShare: Double { mentions == 0 ? 0 : Double(positive) / Double(mentions) }

        /// How often the topic is praised and criticized, for answer material such as «тихий»
        /// (`noise` praised, not criticized) or «не маломерит» (`size` rarely criticized).
        public func topic(_ id: String) -> (praised: Int, criticized: Int) {
            (praised.first { $0.id == id }?.mentions ?? 0, criticized.first { $0.id == id }?.mentions ?? 0)
        }
    }

    /// Shape version.
    public var version = 1
    /// Mentions the summaries were built from.
    public var mentions: Int
    /// Per product id.
    public var products: [String: Product]

    /// The summary of a product, if any mention is about it.
    public func summary(for productID: String) -> Product? { products[productID] }

    /// The side file's path for the product index at `indexPath`: `<indexPath>.mentions.json`.
    public static func path(nextTo indexPath: String) -> String {
        var trimmed = indexPath
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed + ".mentions.json"
    }

    /// Reads the side file next to the product index at `indexPath`; `nil` when there is none.
    ///
    /// - Throws: ``MentionsError`` `malformed` for a file that is not a summaries file.
    public static func load(nextTo indexPath: String) throws -> MentionSummaries? {
        let path = path(nextTo: indexPath)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try JSONDecoder().decode(MentionSummaries.self, from: data)
        } catch {
            throw MentionsError(.malformed, location: path, message: "not a mentions summaries file (\(error))")
        }
    }

    /// Writes the side file next to the product index at `indexPath` (atomically: a reader sees
    /// the old file or the new one).
    ///
    /// - Throws: ``MentionsError`` `io`.
    public func write(nextTo indexPath: String) throws {
        let path = Self.path(nextTo: indexPath)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw MentionsError(
                .io, location: path, message: "cannot write the summaries (\(error.localizedDescription))")
        }
    }

    /// Builds the summaries of every product the mentions name.
    ///
    /// - Parameters:
    ///   - mentions: The mentions.
    ///   - resolve: Maps a mention's product reference to a catalog id (`nil`: the reference's own key).
    ///   - analyzer: Reads topics, and tonality of mentions stored without it.
    /// - Returns: The summaries.
    public static func build(
        _ mentions: [Mention], resolve: (Mention.ProductReference) -> String? = { _ in nil },
        analyzer: TonalityAnalyzer = TonalityAnalyzer()
    ) -> MentionSummaries {
        var pass = PassOne(analyzer: analyzer, options: ReportOptions())
        var keys: [String?] = []
        for (index, mention) in mentions.enumerated() {
            pass.read(mention, index: index)
            keys.append(mention.product.flatMap { resolve($0) ?? $0.key })
        }
        var products: [String: Product] = [:]
        var scores: [String: Double] = [:]
        var ratings: [String: (Double, Int)] = [:]
        for (index, record) in pass.records.enumerated() {
            guard let key = keys[index] else { continue }
            var product =
                products[key]
                ?? Product(
                    product: key, mentions: 0, positive: 0, negative: 0, neutral: 0, meanScore: 0, meanRating: nil,
                    praised: [], criticized: [])
            product.mentions += 1
            switch record.label {
            case .positive: product.positive += 1
            case .negative: product.negative += 1
            case .neutral: product.neutral += 1
            }
            scores[key, default: 0] += record.score
            if let rating = record.rating {
                ratings[key, default: (0, 0)].0 += rating
                ratings[key, default: (0, 0)].1 += 1
            }
            products[key] = product
        }
        var tones: [String: [String: (Int, Int)]] = [:]
        for hit in pass.hits where hit.key < MentionAnalytics.seedKeyLimit {
            guard let key = keys[Int(hit.mention)] else { continue }
            let id = analyzer.topics.topics[Int(hit.key)].id
            let current = tones[key]?[id] ?? (0, 0)
            tones[key, default: [:]][id] = (
                current.0 + (hit.label == .positive ? 1 : 0), current.1 + (hit.label == .negative ? 1 : 0)
            )
        }
        let names = Dictionary(uniqueKeysWithValues: analyzer.topics.topics.map { ($0.id, $0) })
        for key in products.keys {
            guard var product = products[key] else { continue }
            product.meanScore = ((scores[key] ?? 0) / Double(max(1, product.mentions)) * 1000).rounded() / 1000
            if let (sum, count) = ratings[key], count > 0 {
                product.meanRating = (sum / Double(count) * 100).rounded() / 100
            }
            func list(_ pick: ((Int, Int)) -> Int) -> [TopicCount] {
                (tones[key] ?? [:]).compactMap { id, counts -> TopicCount? in
                    guard pick(counts) > 0, let topic = names[id] else { return nil }
                    return TopicCount(id: id, ru: topic.ru, be: topic.be, mentions: pick(counts))
                }.sorted { $0.mentions > $1.mentions || ($0.mentions == $1.mentions && $0.id < $1.id) }
            }
            product.praised = list { $0.0 }
            product.criticized = list { $0.1 }
            products[key] = product
        }
        return MentionSummaries(mentions: mentions.count, products: products)
    }

    /// A spoken answer to «что говорят о X» in Russian or Belarusian: how many mentions, the
    /// share of positive ones, the top praised and criticized topics; `nil` when nobody
    /// mentioned the product.
    ///
    /// - Parameters:
    ///   - productID: The product id.
    ///   - title: How to call the product (its title); «этот товар»/«гэты тавар» when `nil`.
    ///   - language: `be` for Belarusian, anything else for Russian.
    /// - Returns: One or three short sentences.
    public func answer(for productID: String, title: String?, language: Language) -> String? {
        guard let product = products[productID], product.mentions > 0 else { return nil }
        let belarusian = language == .be
        let subject =
            belarusian
            ? title.map { "Пра \($0)" } ?? "Пра гэты тавар" : title.map { "О товаре \($0)" } ?? "Об этом товаре"
        let percent = Int((product.positiveShare * 100).rounded())
        var text: String
        if belarusian {
            text =
                "\(subject) пішуць \(product.mentions) \(Self.plural(product.mentions, "раз", "разы", "разоў")), "
                + "станоўча — \(percent)%."
        } else {
            text =
                "\(subject) пишут \(product.mentions) \(Self.plural(product.mentions, "раз", "раза", "раз")), "
                + "положительно — \(percent)%."
        }
        let praised = product.praised.filter { $0.mentions >= 2 }.prefix(2).map { belarusian ? $0.be : $0.ru }
        let criticized = product.criticized.filter { $0.mentions >= 2 }.prefix(2).map { belarusian ? $0.be : $0.ru }
        if !praised.isEmpty {
            text += (belarusian ? " Хваляць: " : " Хвалят: ") + praised.joined(separator: "; ") + "."
        }
        if !criticized.isEmpty {
            text +=
                (belarusian ? " Скардзяцца: " : " Жалуются: ")
                + criticized.joined(separator: "; ") + "."
        }
        return text
    }

    /// The Russian/Belarusian plural form for `count`: one, few (2–4), many.
    static func plural(_ count: Int, _ one: String, _ few: String, _ many: String) -> String {
        let lastTwo = count % 100
        let last = count % 10
        if lastTwo >= 11 && lastTwo <= 14 { return many }
        if last == 1 { return one }
        if last >= 2 && last <= 4 { return few }
        return many
    }
}
