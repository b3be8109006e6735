/// A self-contained HTML report for a set of audited pages.
///
/// It shows the score distribution as an inline SVG bar chart, the most frequent problems with
/// page counts, and each page's findings. No scripts, fonts or images are loaded from anywhere.
public enum AuditHTMLReport {
    /// The report for `audits` with headings in `language`.
    public static func render(_ audits: [PageAudit], language: ReportLanguage) -> String {
        let words = Words(language)
        var html = """
            <!DOCTYPE html><html lang="\(language.rawValue)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(words.title)</title><style>
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
            header{background:#1d2330;color:#fff;padding:20px 32px}header h1{margin:0;font-size:22px}
            main{padding:24px 32px;max-width:1100px}section{background:#fff;border-radius:10px;padding:18px 22px;margin-bottom:20px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
            h2{font-size:17px;margin:0 0 12px}.kpis{display:flex;gap:28px}.kpi b{display:block;font-size:28px}
            table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #eceef2;vertical-align:top}
            .bar{background:#4f7cff;height:10px;border-radius:5px}.sev{font-size:12px;padding:1px 7px;border-radius:9px;color:#fff}
            .error{background:#d93f3f}.warning{background:#e39a1c}.notice{background:#7c8598}
            details{border-top:1px solid #eceef2;padding:8px 0}summary{cursor:pointer;font-weight:600}
            .score{display:inline-block;min-width:44px;text-align:center;border-radius:6px;color:#fff;font-weight:700;margin-right:8px}
            .weak{background:#d93f3f}.fair{background:#e39a1c}.good{background:#3aa860}.excellent{background:#1f7a44}
            </style></head><body><header><h1>\(words.title)</h1></header><main>
            """
        let count = max(1, audits.count)
        let mean = Double(audits.map(\.score).reduce(0, +)) / Double(count)
        let healthy = audits.filter { !$0.findings.contains { $0.severity == .error } }.count
        html += """
            <section class="kpis"><div class="kpi"><b>\(audits.count)</b>\(words.pages)</div>
            <div class="kpi"><b>\(Int(mean.rounded()))</b>\(words.meanScore)</div>
            <div class="kpi"><b>\(healthy * 100 / count)%</b>\(words.withoutErrors)</div></section>
            """
        // Score distribution: ten bands of ten points.
        var bands = [Int](repeating: 0, count: 10)
        for audit in audits { bands[min(9, audit.score / 10)] += 1 }
        let tallest = max(1, bands.max() ?? 1)
        html +=
            "<section><h2>\(words.distribution)</h2><svg viewBox=\"0 0 520 200\" width=\"520\" height=\"200\" role=\"img\">"
        for (index, value) in bands.enumerated() {
            let height = Double(value) / Double(tallest) * 130
            let x = 20 + index * 50
            let colour = index < 3 ? "#d93f3f" : index < 7 ? "#e39a1c" : index < 9 ? "#3aa860" : "#1f7a44"
            html +=
                "<rect x=\"\(x)\" y=\"\(160 - height)\" width=\"40\" height=\"\(height)\" rx=\"4\" fill=\"\(colour)\"/>"
            html +=
                "<text x=\"\(x + 20)\" y=\"\(154 - height)\" font-size=\"12\" text-anchor=\"middle\">\(value)</text>"
            html +=
                "<text x=\"\(x + 20)\" y=\"178\" font-size=\"11\" text-anchor=\"middle\">\(index * 10)–\(index * 10 + 9 + (index == 9 ? 1 : 0))</text>"
        }
        html += "</svg></section>"
        // The most frequent problems.
        var counts: [String: (count: Int, finding: Finding)] = [:]
        for audit in audits {
            var seen: Set<String> = []
            for finding in audit.findings where seen.insert(finding.check).inserted {
                counts[finding.check] = (
                    (counts[finding.check]?.count ?? 0) + 1, counts[finding.check]?.finding ?? finding
                )
            }
        }
        html +=
            "<section><h2>\(words.frequent)</h2><table><tr><th>\(words.check)</th><th>\(words.pages)</th><th></th></tr>"
        for (check, entry) in counts.sorted(by: {
            $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key
        }).prefix(15) {
            let width = entry.count * 200 / count
            html +=
                "<tr><td><span class=\"sev \(entry.finding.severity.rawValue)\">\(entry.finding.severity.rawValue)</span> "
                + "<code>\(escape(check))</code> \(escape(entry.finding.message))<br><i>\(escape(entry.finding.fix))</i></td>"
                + "<td>\(entry.count)</td>"
                + "<td><div class=\"bar\" style=\"width:\(width)px\"></div></td></tr>"
        }
        html += "</table></section><section><h2>\(words.perPage)</h2>"
        for audit in audits.sorted(by: { $0.score < $1.score }) {
            let band =
                audit.score <= 30 ? "weak" : audit.score <= 70 ? "fair" : audit.score <= 90 ? "good" : "excellent"
            html +=
                "<details><summary><span class=\"score \(band)\">\(audit.score)</span>\(escape(audit.path))</summary><table>"
            for finding in audit.findings {
                html +=
                    "<tr><td><span class=\"sev \(finding.severity.rawValue)\">\(finding.severity.rawValue)</span></td>"
                    + "<td><code>\(escape(finding.check))</code></td><td>\(escape(finding.message))<br><i>\(escape(finding.fix))</i></td></tr>"
            }
            html += "</table></details>"
        }
        html += "</section></main></body></html>\n"
        return html
    }

    private static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    private struct Words {
        var title, pages, meanScore, withoutErrors, distribution, frequent, check, perPage: String

        init(_ language: ReportLanguage) {
            switch language {
            case .ru:
                (title, pages, meanScore, withoutErrors, distribution, frequent, check, perPage) = (
                    "Готовность к голосовому поиску", "страниц", "средний балл", "страниц без ошибок",
                    "Распределение баллов",
                    "Частые проблемы", "Проверка", "Страницы"
                )
            case .be:
                (title, pages, meanScore, withoutErrors, distribution, frequent, check, perPage) = (
                    "Гатоўнасць да галасавога пошуку", "старонак", "сярэдні бал", "старонак без памылак",
                    "Размеркаванне балаў", "Частыя праблемы", "Праверка", "Старонкі"
                )
            case .en:
                (title, pages, meanScore, withoutErrors, distribution, frequent, check, perPage) = (
                    "Voice-search readiness", "pages", "mean score", "pages without errors", "Score distribution",
                    "Most frequent problems", "Check", "Pages"
                )
            }
        }
    }
}
