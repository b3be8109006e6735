import Foundation
import VitrinaModel

/// Builds a ``MentionReport`` from mentions: tonality over time, recurring topics (catalog topics
/// and terms found in the texts, ranked by c-TF-IDF), topics per product, brand and category,
/// alerts, advocates, detractors, opinion leaders and incidents.
///
/// One pass reads every text once (words, topics, the stems near-duplicate detection needs); a
/// second pass over the compact per-mention records ranks and counts.
///
/// ```swift
/// let report = MentionAnalytics().report(try MentionStore.read(path: "mentions.index"))
/// ```
public struct MentionAnalytics {
    /// The options.
    public var options: ReportOptions

    /// Creates a builder.
    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    /// One topic hit of one mention.
    struct Hit {
        var mention: Int32
        /// A catalog topic number, or a discovered term's fold key.
        var key: UInt64
        var start: Int32
        var end: Int32
        var sentence: Int16
        var label: TonalityResult.Label
    }

    /// What pass one keeps of a mention.
    struct Record {
        var day: Int
        var label: TonalityResult.Label
        var score: Double
        var product: Int32
        var brand: Int32
        var category: Int32
        /// The star rating, when there is one.
        var rating: Double?
    }

    /// Catalog topics are keys below this; fold keys of terms are ≥ it.
    static let seedKeyLimit: UInt64 = 1 << 16

    /// The report over `mentions` (filtered by the options' product and brand).
    ///
    /// - Parameters:
    ///   - mentions: The mentions (for example every mention of a store).
    ///   - analyzer: The analyzer used for topics and for mentions stored without tonality.
    /// - Returns: The report.
    public func report(_ mentions: [Mention], analyzer: TonalityAnalyzer = TonalityAnalyzer()) -> MentionReport {
        let selected = mentions.filter { mention in
            (options.product == nil || mention.product?.key == options.product
                || mention.product?.id == options.product || mention.product?.sku == options.product)
                && (options.brand == nil || mention.brand?.lowercased() == options.brand?.lowercased())
        }
        var pass = PassOne(analyzer: analyzer, options: options)
        for (index, mention) in selected.enumerated() { pass.read(mention, index: index) }
        return pass.finish(selected)
    }
}

/// The first pass and everything derived from it.
struct PassOne {
    let analyzer: TonalityAnalyzer
    let options: ReportOptions
    var records: [MentionAnalytics.Record] = []
    var hits: [MentionAnalytics.Hit] = []
    /// Sorted distinct stem hashes of negative mentions, for near-duplicates.
    var negativeStems: [(mention: Int32, stems: [UInt64])] = []
    var groupNames: [[String]] = [[], [], []]
    var groupNumbers: [[String: Int32]] = [[:], [:], [:]]
    /// For each discovered term's fold: how it is written, with counts.
    var spellings: [UInt64: [String: Int]] = [:]
    var sources: [String: Int] = [:]
    var languages: [String: Int] = [:]
    /// Fold keys of brand names: a brand is not a topic.
    var brandFolds = Set<UInt64>()
    var seenBrands = Set<String>()
    /// Mentions per day, for topic shares.
    var mentionsPerDay: [Int: Int] = [:]

    init(analyzer: TonalityAnalyzer, options: ReportOptions) {
        self.analyzer = analyzer
        self.options = options
    }

    mutating func group(_ kind: Int, _ name: String?) -> Int32 {
        guard let name, !name.isEmpty else { return -1 }
        if let number = groupNumbers[kind][name] { return number }
        let number = Int32(groupNames[kind].count)
        groupNames[kind].append(name)
        groupNumbers[kind][name] = number
        return number
    }

    mutating func read(_ mention: Mention, index: Int) {
        let tonality = mention.tonality ?? analyzer.tonality(of: mention.text, language: mention.language)
        sources[mention.source, default: 0] += 1
        let day = mention.date.map(DayNumber.of) ?? Int.min
        if day != Int.min { mentionsPerDay[day, default: 0] += 1 }
        if let brand = mention.brand, seenBrands.insert(brand).inserted {
            _ = analyzer.forEachWord(of: brand, language: nil) {
                brandFolds.insert(max($0.fold, MentionAnalytics.seedKeyLimit))
            }
        }
        var seenKeys = Set<UInt64>()
        var stems: [UInt64] = []
        var sentences = 0
        var topicHits: [MentionAnalytics.Hit] = []
        let text = mention.text
        let language = analyzer.forEachWord(of: text, language: mention.language) { word in
            sentences = max(sentences, word.sentence + 1)
            if tonality.label == .negative && word.stem.count >= 3 { stems.append(word.stemHash) }
            let key: UInt64
            if word.topic >= 0 {
                key = UInt64(word.topic)
            } else if word.content {
                key = max(word.fold, MentionAnalytics.seedKeyLimit)
                if spellings[key, default: [:]].count < 8 || spellings[key]?[word.stem] != nil {
                    let surface = String(
                        decoding: text.utf8.dropFirst(word.range.lowerBound).prefix(word.range.count), as: UTF8.self)
                    spellings[key, default: [:]][surface.lowercased(), default: 0] += 1
                }
            } else {
                return
            }
            guard seenKeys.insert(key).inserted else { return }
            topicHits.append(
                MentionAnalytics.Hit(
                    mention: Int32(index), key: key, start: Int32(word.range.lowerBound),
                    end: Int32(word.range.upperBound), sentence: Int16(clamping: word.sentence), label: tonality.label))
        }
        languages[(mention.language ?? language).rawValue, default: 0] += 1
        // A catalog topic in a text of several sentences takes the tonality of its own sentence.
        if sentences > 1 && topicHits.contains(where: { $0.key < MentionAnalytics.seedKeyLimit }) {
            let ranges = Self.sentenceRanges(text, analyzer: analyzer, language: language)
            var labels: [Int16: TonalityResult.Label] = [:]
            for position in topicHits.indices where topicHits[position].key < MentionAnalytics.seedKeyLimit {
                let sentence = topicHits[position].sentence
                if labels[sentence] == nil, let range = ranges[sentence] {
                    let piece = String(
                        decoding: text.utf8.dropFirst(range.lowerBound).prefix(range.count), as: UTF8.self)
                    labels[sentence] = analyzer.tonality(of: piece, language: language).label
                }
                if let label = labels[sentence] { topicHits[position].label = label }
            }
        }
        hits.append(contentsOf: topicHits)
        if tonality.label == .negative {
            stems.sort()
            negativeStems.append((Int32(index), Array(Set(stems)).sorted()))
        }
        records.append(
            MentionAnalytics.Record(
                day: day, label: tonality.label, score: tonality.score, product: group(0, mention.product?.key),
                brand: group(1, mention.brand), category: group(2, mention.category),
                rating: mention.rating))
    }

    /// UTF-8 byte ranges of the sentences of `text`, by sentence number.
    static func sentenceRanges(_ text: String, analyzer: TonalityAnalyzer, language: Language) -> [Int16: Range<Int>] {
        var ranges: [Int16: Range<Int>] = [:]
        _ = analyzer.forEachWord(of: text, language: language) { word in
            let sentence = Int16(clamping: word.sentence)
            if let range = ranges[sentence] {
                ranges[sentence] =
                    min(range.lowerBound, word.range.lowerBound)..<max(range.upperBound, word.range.upperBound)
            } else {
                ranges[sentence] = word.range
            }
        }
        return ranges
    }

    // MARK: - Finishing

    func finish(_ mentions: [Mention]) -> MentionReport {
        let dated = records.filter { $0.day != Int.min }
        let lastDay = dated.map(\.day).max() ?? 0
        let firstDay = dated.map(\.day).min() ?? 0
        let windowEnd = options.until.map(DayNumber.of) ?? lastDay + 1
        let windowStart = options.since.map(DayNumber.of) ?? windowEnd - options.windowDays
        // The baseline never starts before the first mention: days without data are not quiet days.
        let baselineStart = max(windowStart - options.baselineDays, min(firstDay, windowStart))
        let window = Window(start: windowStart, end: windowEnd, baselineStart: baselineStart)

        var labels = [0, 0, 0]
        var scoreSum = 0.0
        var days: [Int: [Int]] = [:]
        for record in records {
            labels[Self.slot(record.label)] += 1
            scoreSum += record.score
            if record.day != Int.min { days[record.day, default: [0, 0, 0]][Self.slot(record.label)] += 1 }
        }
        let timeline = days.keys.sorted().map { day -> MentionReport.Day in
            let counts = days[day] ?? [0, 0, 0]
            return MentionReport.Day(
                date: DayNumber.name(day), mentions: counts.reduce(0, +), positive: counts[0], negative: counts[1],
                neutral: counts[2])
        }
        let summary = MentionReport.Summary(
            mentions: records.count, positive: labels[0], negative: labels[1], neutral: labels[2],
            negativeShare: records.isEmpty ? 0 : Double(labels[1]) / Double(records.count),
            meanScore: records.isEmpty ? 0 : Self.round(scoreSum / Double(records.count)), sources: sources,
            languages: languages, first: dated.isEmpty ? nil : DayNumber.name(firstDay),
            last: dated.isEmpty ? nil : DayNumber.name(lastDay), undated: records.count - dated.count)

        let topics = topicFigures(mentions, window: window)
        let alerts = self.alerts(mentions, window: window, topics: topics)
        let authors = AuthorRanking(options: options).rank(mentions, records: records)
        let incidents = IncidentGrouping.group(negativeStems, mentions: mentions, records: records, top: options.top)
        return MentionReport(
            summary: summary, timeline: timeline, topics: topics.figures, groups: groups(topics: topics),
            alerts: alerts,
            advocates: authors.advocates, detractors: authors.detractors, opinionLeaders: authors.leaders,
            incidents: incidents)
    }

    struct Window {
        var start: Int
        var end: Int
        var baselineStart: Int
        func inWindow(_ day: Int) -> Bool { day >= start && day < end }
        func inBaseline(_ day: Int) -> Bool { day >= baselineStart && day < start }
        var days: Int { max(1, end - start) }
        var baselineDays: Int { max(1, start - baselineStart) }
    }

    static func slot(_ label: TonalityResult.Label) -> Int {
        switch label {
        case .positive: return 0
        case .negative: return 1
        case .neutral: return 2
        }
    }

    static func round(_ value: Double, _ digits: Double = 1000) -> Double { (value * digits).rounded() / digits }

    /// Topics kept for the report, with what groups and alerts need of them.
    struct Topics {
        var figures: [MentionReport.TopicFigures]
        /// Hits per kept topic key.
        var hitsByKey: [UInt64: [Int]]
        var idByKey: [UInt64: String]
    }

    func topicFigures(_ mentions: [Mention], window: Window) -> Topics {
        var byKey: [UInt64: [Int]] = [:]
        for (position, hit) in hits.enumerated() { byKey[hit.key, default: []].append(position) }
        let catalog = analyzer.topics.topics
        let minimumTerm = max(5, records.count / 500)
        var candidates: [UInt64] = []
        for (key, positions) in byKey {
            if key < MentionAnalytics.seedKeyLimit {
                candidates.append(key)
                continue
            }
            guard positions.count >= minimumTerm else { continue }
            // A term that is nearly always about one product is that product's name, not a topic.
            var perProduct: [Int32: Int] = [:]
            for position in positions { perProduct[records[Int(hits[position].mention)].product, default: 0] += 1 }
            let concentrated =
                (perProduct.values.max() ?? 0) * 10 >= positions.count * 8 && perProduct.count > 0
                && perProduct.keys.contains { $0 >= 0 }
            if !concentrated { candidates.append(key) }
        }
        let total = Double(hits.count)
        let totals = windowTotals(window)
        var figures: [(MentionReport.TopicFigures, UInt64)] = []
        for key in candidates {
            let positions = byKey[key] ?? []
            var negative = 0
            var positive = 0
            var recent = 0
            var baseline = 0
            var weeks: [String: Int] = [:]
            for position in positions {
                let hit = hits[position]
                if hit.label == .negative { negative += 1 }
                if hit.label == .positive { positive += 1 }
                let day = records[Int(hit.mention)].day
                guard day != Int.min else { continue }
                if window.inWindow(day) { recent += 1 }
                if window.inBaseline(day) { baseline += 1 }
                weeks[DayNumber.name(DayNumber.monday(day)), default: 0] += 1
            }
            let count = positions.count
            // c-TF-IDF of the topic in this report against the whole collection (one class: the report).
            let score = Double(count) * log(1 + total / Double(max(1, count)))
            let trend = Self.trend(recent: recent, baseline: baseline, window: window, totals: totals)
            if key >= MentionAnalytics.seedKeyLimit {
                // A term found in the texts is shown when it is a problem or new, and is not a brand.
                guard !brandFolds.contains(key), negative * 2 >= count || trend == "emerging" else { continue }
            }
            let id: String
            let ru: String
            let be: String
            if key < MentionAnalytics.seedKeyLimit {
                let topic = catalog[Int(key)]
                (id, ru, be) = (topic.id, topic.ru, topic.be)
            } else {
                let spelling =
                    spellings[key]?.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? "?"
                (id, ru, be) = ("term:" + spelling, spelling, spelling)
            }
            figures.append(
                (
                    MentionReport.TopicFigures(
                        id: id, ru: ru, be: be, discovered: key >= MentionAnalytics.seedKeyLimit, mentions: count,
                        negativeShare: Self.round(Double(negative) / Double(max(1, count))),
                        positiveShare: Self.round(Double(positive) / Double(max(1, count))),
                        score: Self.round(score, 100),
                        trend: trend, recent: recent,
                        baselinePerDay: Self.round(Double(baseline) / Double(window.baselineDays), 100), weeks: weeks,
                        examples: examples(positions, mentions: mentions, negativeFirst: negative * 2 >= count)), key
                ))
        }
        figures.sort { $0.0.score > $1.0.score || ($0.0.score == $1.0.score && $0.0.id < $1.0.id) }
        // Keep the top topics, and every topic the window singles out.
        var kept = Array(figures.prefix(options.top))
        for figure in figures.dropFirst(options.top) where figure.0.trend == "emerging" || figure.0.trend == "rising" {
            kept.append(figure)
        }
        var idByKey: [UInt64: String] = [:]
        var hitsByKey: [UInt64: [Int]] = [:]
        for (figure, key) in figures {
            idByKey[key] = figure.id
            hitsByKey[key] = byKey[key]
        }
        return Topics(figures: kept.map(\.0), hitsByKey: hitsByKey, idByKey: idByKey)
    }

    /// Mentions in the window and in the baseline.
    func windowTotals(_ window: Window) -> (window: Int, baseline: Int) {
        var totals = (window: 0, baseline: 0)
        for (day, count) in mentionsPerDay {
            if window.inWindow(day) {
                totals.window += count
            } else if window.inBaseline(day) {
                totals.baseline += count
            }
        }
        return totals
    }

    /// A topic's trend: `emerging` (hardly in the baseline, now in at least 5 mentions),
    /// `rising`/`falling` (its share of mentions in the window against the baseline's, two-proportion
    /// z beyond ±2.58, p < 0.005 one-sided), else `steady`.
    static func trend(recent: Int, baseline: Int, window: Window, totals: (window: Int, baseline: Int)) -> String {
        if baseline <= 1 && recent >= 5 && totals.baseline >= 20 { return "emerging" }
        let z = TrendStatistics.proportionZ(
            hits: recent, total: totals.window, baseHits: baseline, baseTotal: totals.baseline)
        if z >= 2.58 && recent >= 5 { return "rising" }
        if z <= -2.58 && baseline >= 5 { return "falling" }
        return "steady"
    }

    /// Up to three quotes: the sentence around each match, distinct texts, negative ones first
    /// when the topic is mostly negative.
    func examples(_ positions: [Int], mentions: [Mention], negativeFirst: Bool) -> [MentionReport.Quote] {
        var ordered = positions
        if negativeFirst {
            ordered =
                positions.filter { hits[$0].label == .negative } + positions.filter { hits[$0].label != .negative }
        }
        var quotes: [MentionReport.Quote] = []
        var seen = Set<String>()
        for position in ordered.prefix(60) {
            let hit = hits[position]
            let mention = mentions[Int(hit.mention)]
            let ranges = Self.sentenceRanges(mention.text, analyzer: analyzer, language: mention.language ?? .ru)
            guard let range = ranges[hit.sentence] else { continue }
            let utf8 = Array(mention.text.utf8)
            let lower = min(range.lowerBound, Int(hit.start))
            let upper = max(range.upperBound, Int(hit.end))
            guard upper <= utf8.count else { continue }
            let before = String(decoding: utf8[lower..<Int(hit.start)], as: UTF8.self)
            let match = String(decoding: utf8[Int(hit.start)..<Int(hit.end)], as: UTF8.self)
            var after = String(decoding: utf8[Int(hit.end)..<upper], as: UTF8.self)
            // A sentence end right after the last word belongs to the quote.
            if upper < utf8.count, let next = String(decoding: utf8[upper...], as: UTF8.self).first,
                ".!?…".contains(next)
            {
                after.append(next)
            }
            var head = before
            if head.count > 70 { head = "…" + head.suffix(69) }
            var tail = after
            if tail.count > 90 { tail = tail.prefix(89) + "…" }
            let text = head + match + tail
            guard seen.insert(text).inserted else { continue }
            quotes.append(
                MentionReport.Quote(
                    mentionID: mention.id, text: text, matchStart: head.count, matchEnd: head.count + match.count,
                    tonality: hit.label.rawValue))
            if quotes.count == 3 { break }
        }
        return quotes
    }

    func groups(topics: Topics) -> MentionReport.Groups {
        var result: [[MentionReport.Group]] = []
        for kind in 0..<3 {
            let names = groupNames[kind]
            var counts = [[Int]](repeating: [0, 0, 0], count: names.count)
            var scores = [Double](repeating: 0, count: names.count)
            var ratings = [(Double, Int)](repeating: (0, 0), count: names.count)
            for record in records {
                let group = kind == 0 ? record.product : kind == 1 ? record.brand : record.category
                guard group >= 0 else { continue }
                counts[Int(group)][Self.slot(record.label)] += 1
                scores[Int(group)] += record.score
                if let rating = record.rating {
                    ratings[Int(group)].0 += rating
                    ratings[Int(group)].1 += 1
                }
            }
            // Topic hits per group, for c-TF-IDF across the groups of this kind.
            var perGroup = [[UInt64: (Int, Int)]](repeating: [:], count: names.count)
            var perTopic: [UInt64: Int] = [:]
            // Catalog topics, and the terms found in the texts that the report shows.
            let shown = Set(topics.figures.map(\.id))
            var topicNames: [String: String] = [:]
            for topic in analyzer.topics.topics { topicNames[topic.id] = topic.ru }
            for figure in topics.figures { topicNames[figure.id] = figure.ru }
            for (key, positions) in topics.hitsByKey {
                guard key < MentionAnalytics.seedKeyLimit || shown.contains(topics.idByKey[key] ?? "") else { continue }
                for position in positions {
                    let hit = hits[position]
                    let record = records[Int(hit.mention)]
                    let group = kind == 0 ? record.product : kind == 1 ? record.brand : record.category
                    guard group >= 0 else { continue }
                    let current = perGroup[Int(group)][key] ?? (0, 0)
                    perGroup[Int(group)][key] = (current.0 + 1, current.1 + (hit.label == .negative ? 1 : 0))
                    perTopic[key, default: 0] += 1
                }
            }
            let average = Double(perTopic.values.reduce(0, +)) / Double(max(1, names.count))
            var groups: [MentionReport.Group] = []
            for (number, name) in names.enumerated() {
                let total = counts[number].reduce(0, +)
                let ranked = perGroup[number].map { key, value -> MentionReport.GroupTopic in
                    let score = Double(value.0) * log(1 + average / Double(max(1, perTopic[key] ?? 1)))
                    let id = topics.idByKey[key] ?? "?"
                    let name = topicNames[id] ?? id
                    return MentionReport.GroupTopic(
                        id: id, ru: name, mentions: value.0,
                        negativeShare: Self.round(Double(value.1) / Double(max(1, value.0))),
                        score: Self.round(score, 100))
                }.sorted { $0.score > $1.score || ($0.score == $1.score && $0.id < $1.id) }
                groups.append(
                    MentionReport.Group(
                        key: name, title: kind == 0 ? options.productTitles[name] : nil, mentions: total,
                        positive: counts[number][0], negative: counts[number][1],
                        negativeShare: Self.round(Double(counts[number][1]) / Double(max(1, total))),
                        meanScore: Self.round(scores[number] / Double(max(1, total))),
                        meanRating: ratings[number].1 > 0
                            ? Self.round(ratings[number].0 / Double(ratings[number].1), 100) : nil,
                        topics: Array(ranked.prefix(5))))
            }
            groups.sort { $0.mentions > $1.mentions || ($0.mentions == $1.mentions && $0.key < $1.key) }
            result.append(groups)
        }
        return MentionReport.Groups(products: result[0], brands: result[1], categories: result[2])
    }
}
