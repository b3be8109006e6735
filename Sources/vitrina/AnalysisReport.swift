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

    /// A number spelled in words or digits, found among the tokens.
    struct Number: Encodable {
        var value: Double
        var start: Int
        var end: Int
        var text: String
    }

    var version = 1
    var language: String
    var chain: String
    var tokens: [Entry]
    /// Spelled-out or written numbers (`двадцати пяти тысяч` → 25000).
    var numbers: [Number] = []
    /// A lowercase ASCII transliteration of the text, for cross-script matching.
    var latin: String = ""
    /// The text as if typed on the other keyboard layout (`cvfhnajy` → `смартфон`).
    var otherLayout: String = ""

    init(input: String, detected: Language, preset: AnalyzerPreset, tokens: [Token]) throws {
        let bytes = Array(input.utf8)
        language = detected.rawValue
        chain = preset.rawValue
        self.tokens = tokens.map { token in
            let range = token.byteRange.clamped(to: 0..<bytes.count)
            return Entry(
                position: token.position, positionLength: token.positionLength,
                start: token.byteRange.lowerBound, end: token.byteRange.upperBound,
                kind: token.kind.rawValue, flags: token.flags.names,
                text: String(decoding: bytes[range], as: UTF8.self),
                normalized: token.normalized, term: token.term)
        }
        // Numbers: read over the whole-word tokens (not compound parts).
        let words = tokens.filter { !$0.flags.contains(.part) && ($0.kind == .word || $0.kind == .number) }
        let parser = try SpokenNumberParser(language: detected == .be ? .be : .ru)
        numbers = parser.numbers(in: words.map(\.normalized)).map { found in
            let first = words[found.range.lowerBound].byteRange.lowerBound
            let last = words[found.range.upperBound - 1].byteRange.upperBound
            return Number(
                value: found.value, start: first, end: last,
                text: String(decoding: bytes[first..<last], as: UTF8.self))
        }
        latin = try Transliterator.cyrillicToLatin(detected).searchKey(input)
        let layout = KeyboardLayout.likelyLayout(of: input)
        let other: KeyboardLayout = layout == .english ? (detected == .be ? .belarusian : .russian) : .english
        otherLayout = KeyboardLayout.convert(input, from: layout, to: other)
    }

    /// A plain-text table, one token per line.
    func table() -> String {
        var lines = ["language: \(language)  chain: \(chain)  tokens: \(tokens.count)"]
        for number in numbers { lines.append("number: \(number.text) = \(number.value)") }
        lines.append("latin: \(latin)")
        lines.append("other layout: \(otherLayout)")
        for entry in tokens {
            let span = entry.positionLength > 1 ? "\(entry.position)+\(entry.positionLength)" : "\(entry.position)"
            let flags = entry.flags.isEmpty ? "" : " [" + entry.flags.joined(separator: ",") + "]"
            lines.append(
                "\(pad(span, 6))\(pad("\(entry.start)..\(entry.end)", 12))\(pad(entry.kind, 10))"
                    + "\(entry.text) → \(entry.normalized) → \(entry.term)\(flags)")
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
