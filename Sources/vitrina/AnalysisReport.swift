import VitrinaText

/// The `--json` shape of `vitrina analyze` (version 1; documented in README).
struct AnalysisReport: Encodable {
    /// One token as printed.
    struct Entry: Encodable {
        var position: Int
        var positionLength: Int
        var start: Int
        var end: Int
        var kind: String
        var flags: [String]
        var text: String
        var normalized: String
        var term: String
    }

    var version = 1
    var language: String
    var chain: String
    var tokens: [Entry]

    init(input: String, detected: Language, preset: AnalyzerPreset, tokens: [Token]) {
        let bytes = Array(input.utf8)
        language = detected.rawValue
        chain = preset.rawValue
        self.tokens = tokens.map { token in
            let range = token.byteRange.clamped(to: 0..<bytes.count)
            return Entry(position: token.position, positionLength: token.positionLength,
                         start: token.byteRange.lowerBound, end: token.byteRange.upperBound,
                         kind: token.kind.rawValue, flags: token.flags.names,
                         text: String(decoding: bytes[range], as: UTF8.self),
                         normalized: token.normalized, term: token.term)
        }
    }

    /// A plain-text table, one token per line.
    func table() -> String {
        var lines = ["language: \(language)  chain: \(chain)  tokens: \(tokens.count)"]
        for entry in tokens {
            let span = entry.positionLength > 1 ? "\(entry.position)+\(entry.positionLength)" : "\(entry.position)"
            let flags = entry.flags.isEmpty ? "" : " [" + entry.flags.joined(separator: ",") + "]"
            lines.append("\(pad(span, 6))\(pad("\(entry.start)..\(entry.end)", 12))\(pad(entry.kind, 10))"
                + "\(entry.text) → \(entry.normalized) → \(entry.term)\(flags)")
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
