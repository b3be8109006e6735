/// Splits text into sentences at `.`, `!`, `?`, `…` followed by a space or the end, and at line breaks.
enum SentenceSplitter {
    /// The sentence ranges of `text`, trimmed of surrounding spaces; blank pieces left out.
    static func ranges(of text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var start = text.startIndex
        var index = text.startIndex
        func close(_ end: String.Index) {
            var lower = start
            while lower < end, text[lower].isWhitespace { lower = text.index(after: lower) }
            var upper = end
            while upper > lower, text[text.index(before: upper)].isWhitespace { upper = text.index(before: upper) }
            if lower < upper { ranges.append(lower..<upper) }
        }
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "\n" {
                close(index)
                start = next
            } else if character == "." || character == "!" || character == "?" || character == "…" {
                var end = next
                while end < text.endIndex, ".!?…)".contains(text[end]) { end = text.index(after: end) }
                if end == text.endIndex || text[end].isWhitespace {
                    close(end)
                    start = end
                    index = end
                    continue
                }
            }
            index = next
        }
        close(text.endIndex)
        return ranges
    }
}
