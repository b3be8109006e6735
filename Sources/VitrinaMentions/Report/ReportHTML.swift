/// Renders a ``MentionReport`` as one self-contained HTML page (inline CSS and SVG, no scripts,
/// no external files): key figures, tonality over time, alerts, topics with trend marks and
/// quotes, products, advocates, detractors, opinion leaders and incidents.
public enum ReportHTML {
    /// The page.
    ///
    /// - Parameters:
    ///   - report: The report.
    ///   - title: The page title.
    /// - Returns: HTML text.
    public static func render(_ report: MentionReport, title: String = "Упоминания: отчёт") -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>\(escape(title))</title>
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#1f2328;background:#f6f8fa}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
            .muted{color:#656d76;font-size:13px}
            .kpis{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
            .kpi{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:10px 14px;min-width:120px}
            .kpi b{display:block;font-size:22px}.kpi span{font-size:12px;color:#656d76}
            .card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 16px}
            table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
            th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eaeef2;vertical-align:top}
            th{background:#f6f8fa;font-weight:600}
            .bar{display:inline-block;height:8px;background:#cf222e;border-radius:2px;vertical-align:middle}
            .pos{color:#1a7f37}.neg{color:#cf222e}.neu{color:#656d76}
            .alert{background:#fff1f0;border:1px solid #ffb3b0;border-radius:8px;padding:8px 12px;margin:6px 0}
            .trend{font-weight:600;white-space:nowrap}.emerging{color:#8250df}.rising{color:#cf222e}.falling{color:#1a7f37}
            mark{background:#fff3b0;padding:0 1px}
            .grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}
            .legend span{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px;vertical-align:middle}
            </style></head><body>

            """
        let summary = report.summary
        html += "<h1>\(escape(title))</h1>\n<div class=\"muted\">"
        html += escape("\(summary.first ?? "—") … \(summary.last ?? "—")")
        html +=
            " · источники: "
            + escape(
                summary.sources.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        html += "</div>\n<div class=\"kpis\">"
        let total = max(1, summary.mentions)
        for (label, value, note) in [
            ("Упоминаний", "\(summary.mentions)", summary.undated > 0 ? "без даты: \(summary.undated)" : "всего"),
            ("Позитив", percent(summary.positive, total), "\(summary.positive)"),
            ("Негатив", percent(summary.negative, total), "\(summary.negative)"),
            ("Нейтрально", percent(summary.neutral, total), "\(summary.neutral)"),
            ("Средний тон", String(format2(summary.meanScore)), "от −1 до +1"),
            ("Тревоги", "\(report.alerts.count)", "за последнее окно"),
        ] {
            html += "<div class=\"kpi\"><b>\(escape(value))</b><span>\(escape(label)) · \(escape(note))</span></div>"
        }
        html += "</div>\n"
        html += "<h2>Тональность по дням</h2>\n<div class=\"card\">" + chart(report.timeline) + "</div>\n"
        if !report.alerts.isEmpty {
            html += "<h2>Тревоги</h2>\n"
            for alert in report.alerts {
                html += "<div class=\"alert\"><b>\(escape(alert.message))</b><div class=\"muted\">"
                html += escape(
                    "\(alert.kind) · окно \(alert.windowStart)…\(alert.windowEnd), база с \(alert.baselineStart) · z = \(format2(alert.z)), p = \(pValue(alert.pValue))"
                )
                html += "</div></div>\n"
            }
        }
        html +=
            "<h2>Темы</h2>\n<table><tr><th>Тема</th><th>Упоминаний</th><th>Негатив</th><th>Тренд</th><th>Пример</th></tr>\n"
        for topic in report.topics {
            let name = topic.ru == topic.be ? topic.ru : "\(topic.ru) / \(topic.be)"
            let mark: String
            switch topic.trend {
            case "emerging": mark = "<span class=\"trend emerging\">✦ новая</span>"
            case "rising": mark = "<span class=\"trend rising\">▲ растёт</span>"
            case "falling": mark = "<span class=\"trend falling\">▼ спадает</span>"
            default: mark = "<span class=\"trend neu\">—</span>"
            }
            html +=
                "<tr><td><b>\(escape(name))</b>\(topic.discovered ? " <span class=\"muted\">(из текстов)</span>" : "")</td>"
            html +=
                "<td>\(topic.mentions)<div class=\"muted\">за окно \(topic.recent), база \(format2(topic.baselinePerDay))/день</div></td>"
            html +=
                "<td><span class=\"bar\" style=\"width:\(Int(topic.negativeShare * 80))px\"></span> \(Int((topic.negativeShare * 100).rounded()))%</td>"
            html += "<td>\(mark)</td><td>"
            if let quote = topic.examples.first { html += quoteHTML(quote) }
            html += "</td></tr>\n"
        }
        html += "</table>\n"
        html +=
            "<h2>Товары</h2>\n<table><tr><th>Товар</th><th>Упоминаний</th><th>Негатив</th><th>Оценка</th><th>Главные темы</th></tr>\n"
        for group in report.groups.products.prefix(12) {
            html += "<tr><td>\(escape(group.title ?? group.key))"
            if group.title != nil { html += "<div class=\"muted\">\(escape(group.key))</div>" }
            html += "</td><td>\(group.mentions)</td>"
            html +=
                "<td><span class=\"bar\" style=\"width:\(Int(group.negativeShare * 80))px\"></span> \(Int((group.negativeShare * 100).rounded()))%</td>"
            html += "<td>\(group.meanRating.map { format2($0) + "★" } ?? "—")</td><td>"
            html += escape(group.topics.prefix(3).map { "\($0.ru) \($0.mentions)" }.joined(separator: ", "))
            html += "</td></tr>\n"
        }
        html +=
            "</table>\n<div class=\"grid\"><div><h2>Адвокаты бренда</h2>\n" + authors(report.advocates, positive: true)
        html += "</div><div><h2>Критики</h2>\n" + authors(report.detractors, positive: false) + "</div></div>\n"
        html += "<h2>Лидеры мнений</h2>\n" + authors(report.opinionLeaders, positive: true)
        html +=
            "<h2>Инциденты (похожие негативные упоминания)</h2>\n<table><tr><th>Сколько</th><th>Текст</th><th>Когда</th><th>Охват</th><th>Где</th></tr>\n"
        for incident in report.incidents {
            html += "<tr><td><b>\(incident.size)</b></td><td>\(escape(String(incident.text.prefix(200))))</td>"
            html += "<td>\(escape("\(incident.first ?? "—")…\(incident.last ?? "—")"))</td><td>\(incident.reach)</td>"
            html += "<td>\(escape((incident.sources + incident.products).joined(separator: ", ")))</td></tr>\n"
        }
        html +=
            "</table>\n<p class=\"muted\">Vitrina · тональность: лексикон и модель, обученная на написанных нами текстах</p>\n</body></html>\n"
        return html
    }

    static func chart(_ days: [MentionReport.Day]) -> String {
        guard !days.isEmpty else { return "<div class=\"muted\">нет датированных упоминаний</div>" }
        let width = 900.0
        let height = 220.0
        let top = days.map(\.mentions).max() ?? 1
        let step = width / Double(days.count)
        var svg =
            "<svg viewBox=\"0 0 \(Int(width)) \(Int(height) + 40)\" width=\"100%\" role=\"img\" aria-label=\"тональность по дням\">"
        for fraction in [0.25, 0.5, 0.75, 1.0] {
            let y = height - height * fraction
            svg += "<line x1=\"0\" x2=\"\(Int(width))\" y1=\"\(format2(y))\" y2=\"\(format2(y))\" stroke=\"#eaeef2\"/>"
            svg +=
                "<text x=\"2\" y=\"\(format2(y + 12))\" font-size=\"10\" fill=\"#8c959f\">\(Int((Double(top) * fraction).rounded()))</text>"
        }
        var negativePoints: [String] = []
        for (index, day) in days.enumerated() {
            let x = Double(index) * step
            var y = height
            for (value, color) in [(day.positive, "#2da44e"), (day.neutral, "#afb8c1"), (day.negative, "#cf222e")] {
                let barHeight = height * Double(value) / Double(max(1, top))
                y -= barHeight
                svg +=
                    "<rect x=\"\(format2(x + 1))\" y=\"\(format2(y))\" width=\"\(format2(max(1, step - 2)))\" height=\"\(format2(barHeight))\" fill=\"\(color)\"><title>\(day.date): \(value)</title></rect>"
            }
            let share = Double(day.negative) / Double(max(1, day.mentions))
            negativePoints.append("\(format2(x + step / 2)),\(format2(height - height * share))")
            if index % max(1, days.count / 8) == 0 {
                svg +=
                    "<text x=\"\(format2(x))\" y=\"\(Int(height) + 16)\" font-size=\"10\" fill=\"#656d76\">\(day.date.suffix(5))</text>"
            }
        }
        svg +=
            "<polyline points=\"\(negativePoints.joined(separator: " "))\" fill=\"none\" stroke=\"#8250df\" stroke-width=\"1.5\"/>"
        svg +=
            "</svg><div class=\"legend muted\"><span style=\"background:#2da44e\"></span>позитив<span style=\"background:#afb8c1\"></span>нейтрально<span style=\"background:#cf222e\"></span>негатив<span style=\"background:#8250df;height:2px\"></span>доля негатива (шкала 0–100% по высоте)</div>"
        return svg
    }

    static func authors(_ authors: [MentionReport.Author], positive: Bool) -> String {
        guard !authors.isEmpty else { return "<div class=\"muted\">нет</div>" }
        var html =
            "<table><tr><th>Автор</th><th>\(positive ? "Позитивных" : "Негативных")</th><th>Всего</th><th>Подписчики</th><th>Охват</th></tr>"
        for author in authors.prefix(10) {
            html +=
                "<tr><td>\(escape(author.name))\(author.opinionLeader ? " ★" : "")<div class=\"muted\">\(escape(author.sources.joined(separator: ", ")))</div></td>"
            html +=
                "<td class=\"\(positive ? "pos" : "neg")\">\(positive ? author.positive : author.negative)</td><td>\(author.mentions)</td>"
            html += "<td>\(author.followers)</td><td>\(author.reach)</td></tr>"
        }
        return html + "</table>\n"
    }

    static func quoteHTML(_ quote: MentionReport.Quote) -> String {
        let characters = Array(quote.text)
        let start = min(max(0, quote.matchStart), characters.count)
        let end = min(max(start, quote.matchEnd), characters.count)
        let css = quote.tonality == "negative" ? "neg" : quote.tonality == "positive" ? "pos" : "neu"
        return "<span class=\"\(css)\">«</span>" + escape(String(characters[..<start])) + "<mark>"
            + escape(String(characters[start..<end])) + "</mark>" + escape(String(characters[end...]))
            + "<span class=\"\(css)\">»</span>"
    }

    static func label(_ id: String, _ report: MentionReport) -> String {
        report.topics.first { $0.id == id }?.ru ?? (id.hasPrefix("term:") ? String(id.dropFirst(5)) : id)
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        "\(Int((Double(part) * 100 / Double(whole)).rounded()))%"
    }

    static func format2(_ value: Double) -> String { String((value * 100).rounded() / 100) }

    static func pValue(_ value: Double) -> String {
        value < 1e-6 ? "< 10⁻⁶" : String((value * 1e6).rounded() / 1e6)
    }

    /// Text escaped for HTML element content and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
