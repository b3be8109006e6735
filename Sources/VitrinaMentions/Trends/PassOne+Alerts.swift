import Foundation

extension PassOne {
    /// Alerts: mention volume, negative share, topics and products' negative mentions in the
    /// window against the baseline before it.
    ///
    /// Counts use a Poisson test against the baseline's daily rate (smoothed by half a mention),
    /// shares a two-proportion z-test; each kind's significance is divided by its number of
    /// tests (Bonferroni), and nothing with fewer than ``ReportOptions/minimumMentions`` mentions in
    /// the window is flagged. The baseline starts no earlier than the first mention, and no alert
    /// is raised when it is shorter than the window.
    func alerts(_ mentions: [Mention], window: Window, topics: Topics) -> [MentionReport.Alert] {
        var alerts: [MentionReport.Alert] = []
        // A baseline shorter than the window says too little about what is usual.
        guard window.baselineDays >= window.days else { return [] }
        let windowName = (DayNumber.name(window.start), DayNumber.name(window.end - 1))
        let baselineName = DayNumber.name(window.baselineStart)
        var inWindow: [Int] = []
        var baselineCount = 0
        var baselineNegative = 0
        var windowNegative = 0
        for (index, record) in records.enumerated() where record.day != Int.min {
            if window.inWindow(record.day) {
                inWindow.append(index)
                if record.label == .negative { windowNegative += 1 }
            } else if window.inBaseline(record.day) {
                baselineCount += 1
                if record.label == .negative { baselineNegative += 1 }
            }
        }
        func ids(_ indices: [Int]) -> [String] { indices.prefix(5).map { mentions[$0].id } }
        func rate(_ count: Int) -> Double { (Double(count) + 0.5) / Double(window.baselineDays) * Double(window.days) }
        func alert(
            _ kind: String, _ subject: String?, _ message: String, observed: Double, expected: Double, z: Double,
            p: Double, _ indices: [Int]
        ) -> MentionReport.Alert {
            MentionReport.Alert(
                kind: kind, subject: subject, message: message, windowStart: windowName.0, windowEnd: windowName.1,
                baselineStart: baselineName, observed: Self.round(observed), expected: Self.round(expected),
                z: Self.round(z, 100), pValue: p, mentionIDs: ids(indices))
        }
        // Volume.
        let expected = rate(baselineCount)
        let volumeP = TrendStatistics.poissonUpperTail(observed: inWindow.count, expected: expected)
        if inWindow.count >= options.minimumMentions && volumeP < options.significance
            && Double(inWindow.count) >= 1.5 * expected
        {
            alerts.append(
                alert(
                    "volume", nil,
                    "Упоминаний за \(window.days) дн.: \(inWindow.count) при ожидаемых \(Int(expected.rounded())) "
                        + "по прошлым \(window.baselineDays) дн.",
                    observed: Double(inWindow.count), expected: expected,
                    z: TrendStatistics.poissonZ(observed: inWindow.count, expected: expected), p: volumeP, inWindow))
        }
        // Negative share.
        let z = TrendStatistics.proportionZ(
            hits: windowNegative, total: inWindow.count, baseHits: baselineNegative, baseTotal: baselineCount)
        let shareP = TrendStatistics.normalUpperTail(z)
        if inWindow.count >= options.minimumMentions && shareP < options.significance {
            let share = Double(windowNegative) / Double(max(1, inWindow.count))
            let base = Double(baselineNegative) / Double(max(1, baselineCount))
            alerts.append(
                alert(
                    "negative-share", nil,
                    "Доля негатива выросла до \(Int((share * 100).rounded()))% с \(Int((base * 100).rounded()))%",
                    observed: share, expected: base, z: z, p: shareP,
                    inWindow.filter { records[$0].label == .negative }))
        }
        // Topics: their share of the window's mentions against the baseline's share.
        let catalog = topics.idByKey
        let shown = Set(topics.figures.map(\.id))
        let tests = Double(max(1, catalog.count))
        for (key, positions) in topics.hitsByKey {
            guard let id = catalog[key], key < MentionAnalytics.seedKeyLimit || shown.contains(id) else { continue }
            var recent: [Int] = []
            var baseline = 0
            for position in positions {
                let mention = Int(hits[position].mention)
                let day = records[mention].day
                guard day != Int.min else { continue }
                if window.inWindow(day) { recent.append(mention) } else if window.inBaseline(day) { baseline += 1 }
            }
            let z = TrendStatistics.proportionZ(
                hits: recent.count, total: inWindow.count, baseHits: baseline, baseTotal: baselineCount)
            let p = TrendStatistics.normalUpperTail(z)
            let emerging = baseline <= 2 && baselineCount >= 20
            guard recent.count >= options.minimumMentions, p < options.significance / tests else { continue }
            if key >= MentionAnalytics.seedKeyLimit && !emerging { continue }
            let name = topics.figures.first { $0.id == id }?.ru ?? id
            let share = Double(recent.count) / Double(max(1, inWindow.count))
            let base = Double(baseline) / Double(max(1, baselineCount))
            alerts.append(
                alert(
                    "topic", id,
                    (emerging ? "Новая тема «\(name)»: " : "Тема «\(name)» растёт: ")
                        + "\(recent.count) упоминаний за \(window.days) дн., \(Int((share * 100).rounded()))% всех "
                        + "против \(Int((base * 100).rounded()))% раньше",
                    observed: share, expected: base, z: z, p: p, recent))
        }
        // Products' negative mentions.
        let products = Double(max(1, groupNames[0].count))
        var windowByProduct: [Int32: [Int]] = [:]
        var baselineByProduct: [Int32: Int] = [:]
        for (index, record) in records.enumerated() where record.label == .negative && record.product >= 0 {
            guard record.day != Int.min else { continue }
            if window.inWindow(record.day) {
                windowByProduct[record.product, default: []].append(index)
            } else if window.inBaseline(record.day) {
                baselineByProduct[record.product, default: 0] += 1
            }
        }
        for (product, indices) in windowByProduct {
            let expected = rate(baselineByProduct[product] ?? 0)
            let p = TrendStatistics.poissonUpperTail(observed: indices.count, expected: expected)
            guard indices.count >= options.minimumMentions, p < options.significance / products,
                Double(indices.count) >= 2 * expected
            else { continue }
            let name = groupNames[0][Int(product)]
            alerts.append(
                alert(
                    "product-negative", name,
                    "Негативных упоминаний товара \(name): \(indices.count) за \(window.days) дн. "
                        + "при ожидаемых \(Self.round(expected, 10))",
                    observed: Double(indices.count), expected: expected,
                    z: TrendStatistics.poissonZ(observed: indices.count, expected: expected), p: p, indices))
        }
        return alerts.sorted { $0.pValue < $1.pValue || ($0.pValue == $1.pValue && $0.z > $1.z) }
    }
}
