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

    /// Counts over `paragraphs`, scalar by scalar (Character-level splitting and lowercasing took
    /// a third of the audit of a large page).
    init(paragraphs: [String], language: Language) {
        let vowelLetters = language == .be ? "аеёіоуыэюяи" : "аеёиоуыэюя"
        let vowels = Set((vowelLetters + vowelLetters.uppercased()).unicodeScalars.map(\.value))
        var sentenceWords = 0
        var wordVowels = 0
        var inWord = false
        var wordIsCyrillic = false
        var paragraphWords = 0
        func endWord() {
            if inWord, wordIsCyrillic {
                sentenceWords += 1
                syllables += max(1, wordVowels)
            }
            inWord = false
            wordIsCyrillic = false
            wordVowels = 0
        }
        func endSentence() {
            endWord()
            guard sentenceWords > 0 else { return }
            sentences += 1
            words += sentenceWords
            paragraphWords += sentenceWords
            if sentenceWords > 15 { longSentences += 1 }
            sentenceWords = 0
        }
        for paragraph in paragraphs {
            paragraphWords = 0
            for scalar in paragraph.unicodeScalars {
                switch scalar {
                case ".", "!", "?", "…":
                    endSentence()
                case "'", "’":
                    inWord = true
                default:
                    let properties = scalar.properties
                    if properties.isAlphabetic || properties.generalCategory == .nonspacingMark {
                        inWord = true
                        if (0x0400...0x04FF).contains(scalar.value) { wordIsCyrillic = true }
                        if vowels.contains(scalar.value) { wordVowels += 1 }
                    } else {
                        endWord()
                    }
                }
            }
            endSentence()
            longestParagraph = max(longestParagraph, paragraphWords)
        }
    }
}
