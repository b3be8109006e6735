import VitrinaMentions

/// Terminal text of the mentions reports.
enum MentionsText {
    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    static func summary(_ report: MentionReport) -> String {
        let summary = report.summary
        var lines = [
            "\(summary.mentions) mentions, \(summary.first ?? "—") … \(summary.last ?? "—")"
                + (summary.undated > 0 ? " (\(summary.undated) undated)" : ""),
            "tonality: positive \(summary.positive), negative \(summary.negative) (\(percent(summary.negativeShare))), "
                + "neutral \(summary.neutral); mean score \(summary.meanScore)",
            "sources: "
                + summary.sources.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "),
        ]
        if let last = report.timeline.suffix(7).first {
            lines.append(
                "last days: "
                    + report.timeline.suffix(7).map { "\($0.date.suffix(5)) \($0.mentions)/\($0.negative)−" }.joined(
                        separator: "  ") + " (from \(last.date))")
        }
        lines.append("")
        lines.append(report.alerts.isEmpty ? "alerts: none" : "alerts:")
        lines += report.alerts.map { "  " + alert($0) }
        lines.append("")
        lines.append(topics(report))
        lines.append("")
        lines.append(authors(report))
        lines.append("")
        lines.append(incidents(report))
        return lines.joined(separator: "\n")
    }

    static func alert(_ alert: MentionReport.Alert) -> String {
        "[\(alert.kind)\(alert.subject.map { " \($0)" } ?? "")] \(alert.message) "
            + "(\(alert.windowStart)…\(alert.windowEnd) vs from \(alert.baselineStart); z \(alert.z), p \(alert.pValue))"
    }

    static func topics(_ report: MentionReport) -> String {
        var lines = ["topics (mentions, negative share, trend):"]
        for topic in report.topics {
            let mark = ["emerging": "✦ emerging", "rising": "▲ rising", "falling": "▼ falling"][topic.trend] ?? ""
            lines.append(
                "  \(topic.ru)\(topic.discovered ? " (from texts)" : ""): \(topic.mentions), "
                    + "negative \(percent(topic.negativeShare)) \(mark)")
            if let quote = topic.examples.first {
                let characters = Array(quote.text)
                let start = min(quote.matchStart, characters.count)
                let end = min(max(start, quote.matchEnd), characters.count)
                lines.append(
                    "      «" + String(characters[..<start]) + "[" + String(characters[start..<end]) + "]"
                        + String(characters[end...]) + "»")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func authors(_ report: MentionReport) -> String {
        func list(_ title: String, _ authors: [MentionReport.Author]) -> [String] {
            [title]
                + authors.prefix(10).map {
                    "  \($0.name)\($0.opinionLeader ? " ★" : ""): \($0.mentions) mentions (+\($0.positive) −\($0.negative)), "
                        + "followers \($0.followers), reach \($0.reach)"
                }
        }
        return
            (list("advocates:", report.advocates) + list("detractors:", report.detractors)
            + list("opinion leaders:", report.opinionLeaders)).joined(separator: "\n")
    }

    static func incidents(_ report: MentionReport) -> String {
        (["incidents (near-duplicate negative mentions):"]
            + report.incidents.prefix(10).map {
                "  \($0.size)× \($0.first ?? "—")…\($0.last ?? "—"): \(String($0.text.prefix(100)))"
            }).joined(separator: "\n")
    }
}
