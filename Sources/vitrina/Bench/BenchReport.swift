/// One measured figure of `vitrina bench`.
struct BenchResult: Encodable {
    /// What was measured, such as `analyzer ru (generic)` or `stemmer be`.
    var name: String
    /// Texts analyzed or words stemmed per run.
    var items: Int
    /// Best wall time of one run, in seconds.
    var seconds: Double
    /// UTF-8 bytes per run (analyzers only).
    var bytes: Int?
    /// Tokens produced per run (analyzers only).
    var tokens: Int?
    /// A checksum of the stems (stemmers only), so runs can be compared.
    var checksum: Int?

    /// Items per second.
    var itemsPerSecond: Double { Double(items) / seconds }
    /// Megabytes (10^6 bytes) per second, for analyzers.
    var megabytesPerSecond: Double? { bytes.map { Double($0) / seconds / 1e6 } }
    /// Tokens per second, for analyzers.
    var tokensPerSecond: Double? { tokens.map { Double($0) / seconds } }

    enum CodingKeys: String, CodingKey {
        case name, items, seconds, bytes, tokens, checksum, itemsPerSecond, megabytesPerSecond, tokensPerSecond
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(items, forKey: .items)
        try container.encode(seconds, forKey: .seconds)
        try container.encodeIfPresent(bytes, forKey: .bytes)
        try container.encodeIfPresent(tokens, forKey: .tokens)
        try container.encodeIfPresent(checksum, forKey: .checksum)
        try container.encode(itemsPerSecond, forKey: .itemsPerSecond)
        try container.encodeIfPresent(megabytesPerSecond, forKey: .megabytesPerSecond)
        try container.encodeIfPresent(tokensPerSecond, forKey: .tokensPerSecond)
    }
}

/// The `--json` shape of `vitrina bench` (version 1; documented in README).
struct BenchReport: Encodable {
    var version = 1
    /// Where the product texts came from.
    var textSource: String
    /// Where the stemmer words came from.
    var wordSource: String
    /// The figures.
    var results: [BenchResult]
    /// Indexing and query figures, when measured.
    var index: IndexBench.Figures?
    /// The import benchmark, when run.
    var importFigures: ImportBench.Figures?
    /// The audit benchmark, when run.
    var audit: AuditBench.Figures?
    /// The tonality (and mentions report) benchmark, when run.
    var mentions: MentionsBench.Figures?

    enum CodingKeys: String, CodingKey {
        case version, textSource, wordSource, results, index, audit, mentions
        case importFigures = "import"
    }

    /// A plain-text table.
    func table() -> String {
        var lines = ["texts: \(textSource)", "words: \(wordSource)", ""]
        for result in results {
            var line = result.name.padding(32) + "\(result.items) items  " + format(result.itemsPerSecond) + " items/s"
            if let mb = result.megabytesPerSecond, let tokens = result.tokensPerSecond {
                line += "  " + format(mb, digits: 2) + " MB/s  " + format(tokens) + " tokens/s"
            }
            lines.append(line)
        }
        if let importFigures {
            lines.append("")
            lines.append(
                "import: \(importFigures.offers) YML offers (\(format(Double(importFigures.feedBytes) / 1e6, digits: 1)) MB) "
                    + "in \(format(importFigures.seconds, digits: 2)) s = \(format(importFigures.offersPerSecond)) offers/s, "
                    + "\(format(importFigures.megabytesPerSecond, digits: 1)) MB/s; reader alone "
                    + "\(format(importFigures.readOffersPerSecond)) offers/s; peak RSS \(format(importFigures.peakResidentMiB)) MiB"
            )
        }
        if let audit {
            lines.append("")
            lines.append(
                "audit: \(audit.pages) pages in \(format(audit.seconds, digits: 2)) s = \(format(audit.pagesPerSecond)) pages/s, "
                    + "\(format(audit.megabytesPerSecond, digits: 1)) MB/s (mean score \(format(audit.meanScore, digits: 1)))"
            )
        }
        if let mentions {
            lines.append("")
            lines.append(
                "tonality: \(format(Double(mentions.mentions))) mentions (\(format(mentions.meanBytes)) bytes avg) in "
                    + "\(format(mentions.seconds, digits: 2)) s wall = \(format(mentions.mentionsPerSecond)) mentions/s; "
                    + "\(format(mentions.cpuSeconds, digits: 2)) s CPU = \(format(mentions.mentionsPerCPUSecond)) mentions/s on one core"
            )
            if let report = mentions.report {
                lines.append(
                    "mentions report: \(format(Double(report.mentions))) mentions in \(format(report.seconds, digits: 1)) s wall, "
                        + "\(format(report.cpuSeconds, digits: 1)) s CPU (\(report.alerts) alerts); reading a store: "
                        + (report.storeReadSecondsPerMillion.map { "\(format($0, digits: 1)) s per million" }
                            ?? "not measured")
                        + "; peak RSS \(format(report.peakResidentMiB)) MiB")
            }
        }
        if let index {
            lines.append("")
            lines.append(
                "index: \(index.products) products in \(format(index.indexSeconds, digits: 2)) s = "
                    + "\(format(index.productsPerSecond)) products/s; \(format(Double(index.indexBytes))) bytes on disk "
                    + "(\(format(Double(index.indexBytes) / Double(max(1, index.rawTextBytes)), digits: 2))× the raw title and description text)"
            )
            for query in index.queries {
                lines.append(
                    "  \(query.kind.padding(26)) p50 \(format(query.p50Microseconds)) µs  p99 "
                        + "\(format(query.p99Microseconds)) µs  (\(query.count) queries, \(format(query.averageHits)) hits avg)"
                )
            }
        }
        return lines.joined(separator: "\n")
    }

    private func format(_ value: Double, digits: Int = 0) -> String {
        if digits == 0 {
            let rounded = Int(value.rounded())
            var text = String(rounded)
            var index = text.count - 3
            while index > 0 {
                text.insert(",", at: text.index(text.startIndex, offsetBy: index))
                index -= 3
            }
            return text
        }
        let scale = Double(Int(pow10(digits)))
        return String(Double(Int((value * scale).rounded())) / scale)
    }

    private func pow10(_ digits: Int) -> Int {
        (0..<digits).reduce(1) { result, _ in result * 10 }
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
