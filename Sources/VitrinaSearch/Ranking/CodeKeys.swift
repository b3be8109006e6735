/// Codes (articles, model numbers, barcodes, sizes) written comparably whether joined or split:
/// `RX570`, `rx 570` and `RX-570` all give `rx570`; `001234` stays `001234`.
enum CodeKeys {
    /// The codes of a text: each word with a digit, and joins of two or three adjacent words that
    /// hold a digit, lowercased, without `-`, `/`, `.` and `,`; only codes of three characters or more.
    static func of(_ words: [String]) -> Set<String> {
        let cleaned = words.map(clean).filter { !$0.isEmpty }
        var codes: Set<String> = []
        for start in cleaned.indices {
            var joined = ""
            for end in start..<min(cleaned.count, start + 3) {
                joined += cleaned[end]
                if joined.count >= 3, joined.contains(where: \.isASCIIDigit) { codes.insert(joined) }
            }
        }
        return codes
    }

    /// The words of `text` split at spaces and punctuation other than the code joiners.
    static func words(of text: String) -> [String] {
        text.lowercased().split { $0.isWhitespace || ",;:()[]{}«»\"!?".contains($0) }.map(String.init)
    }

    private static func clean(_ word: String) -> String {
        String(word.lowercased().filter { !"-/.,'’".contains($0) })
    }
}

extension Character {
    /// `0`–`9`.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
