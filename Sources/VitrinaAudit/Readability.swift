import VitrinaModel

/// Readability of Russian or Belarusian prose: Oborneva's Flesch Reading Ease
/// (206.835 − 1.3·words per sentence − 60.1·syllables per word), sentence and paragraph lengths.
///
/// Syllables are vowel letters: ru «аеёиоуыэюя»; be «аеёіоуыэюя» plus `и` when mistyped (`ў` and `й`
/// are not syllabic). Only Cyrillic words count; numbers and Latin model names are left out.
/// Belarusian uses the Russian coefficients with its own vowels (no Belarusian calibration is
/// published).
struct Readability {
    var words = 0
    var sentences = 0
    var syllables = 0
    var longSentences = 0
    var longestParagraph = 0

    /// Flesch Reading Ease, Oborneva's coefficients; `nil` without text.
    var readingEase: Double? {
        guard words > 0, sentences > 0 else { return nil }
        return 206.835 - 1.3 * Double(words) / Double(sentences) - 60.1 * Double(syllables) / Double(words)
    }

    init(paragraphs: [String], language: Language) {
        let vowels: Set<Character> = language == .be ? Set("аеёіоуыэюяи") : Set("аеёиоуыэюя")
        for paragraph in paragraphs {
            var paragraphWords = 0
            for sentence in paragraph.split(whereSeparator: { ".!?…".contains($0) }) {
                let cyrillic = sentence.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" })
                    .filter { $0.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } }
                guard !cyrillic.isEmpty else { continue }
                sentences += 1
                words += cyrillic.count
                paragraphWords += cyrillic.count
                if cyrillic.count > 15 { longSentences += 1 }
                for word in cyrillic { syllables += max(1, word.filter { vowels.contains($0) }.count) }
            }
            longestParagraph = max(longestParagraph, paragraphWords)
        }
    }
}
