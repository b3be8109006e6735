import VitrinaText

/// Marks the words of a text that a query matched, and cuts a snippet around them.
///
/// The text is analyzed with the chain its field was indexed with, so inflected forms
/// (`телевизоры` for the query `телевизор`) and typo corrections are marked too; offsets come
/// from the tokens, so the original text is kept exactly.
struct Highlighter {
    /// The terms the query looked up.
    let terms: Set<String>
    /// The mark put before a matched word.
    let open: String
    /// The mark put after a matched word.
    let close: String

    /// `text` with matched words marked, or `nil` when nothing matched.
    ///
    /// With `maximumLength` (in characters), a window of about that size around the first
    /// match, with `…` where cut.
    func highlight(_ text: String, analyzer: AnyAnalyzer, maximumLength: Int? = nil) throws -> String? {
        let tokens = try analyzer.analyze(text)
        var ranges: [Range<Int>] = []
        for token in tokens where terms.contains(token.term) || terms.contains(token.normalized) {
            if let last = ranges.last, last.overlaps(token.byteRange) || last.upperBound == token.byteRange.lowerBound {
                // The whole of a compound and its part overlap: keep the widest span.
                ranges[ranges.count - 1] =
                    min(last.lowerBound, token.byteRange.lowerBound)..<max(last.upperBound, token.byteRange.upperBound)
            } else {
                ranges.append(token.byteRange)
            }
        }
        guard let first = ranges.first else { return nil }
        let bytes = Array(text.utf8)
        var window = 0..<bytes.count
        if let maximumLength, text.count > maximumLength {
            // Characters are at most 4 bytes: measure the window in characters from the match.
            let before = String(decoding: bytes[..<first.lowerBound], as: UTF8.self)
            let lead = min(before.count, maximumLength / 4)
            let startBytes = before.suffix(lead).utf8.count
            let start = first.lowerBound - startBytes
            let rest = String(decoding: bytes[start...], as: UTF8.self)
            let end = start + rest.prefix(maximumLength).utf8.count
            window = start..<end
        }
        var output = window.lowerBound > 0 ? "…" : ""
        var cursor = window.lowerBound
        for range in ranges where range.lowerBound >= window.lowerBound && range.upperBound <= window.upperBound {
            output += String(decoding: bytes[cursor..<range.lowerBound], as: UTF8.self)
            output += open + String(decoding: bytes[range], as: UTF8.self) + close
            cursor = range.upperBound
        }
        output += String(decoding: bytes[cursor..<window.upperBound], as: UTF8.self)
        if window.upperBound < bytes.count { output += "…" }
        return output
    }
}
