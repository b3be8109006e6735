/// Tells Russian from Belarusian in short texts: a product title or a spoken query.
///
/// Evidence, weighed per word:
/// - letters only one language has: `і`, `ў` and an apostrophe between letters are Belarusian;
///   `и`, `щ`, `ъ` are Russian (strong: 3 points each, counted once per word);
/// - letter pairs typical of one language: Belarusian `дз`, `дж` at word start, `шч`, `цц`, `ць`,
///   `аў`/`оў`/`еў` word endings, `рэ`/`тэ`/`дзе`; (1 point);
/// - frequent words of either language (`где`, `сколько`, `купить` / `дзе`, `колькі`, `купіць`)
///   (2 points).
/// The language with more points wins. Text with Cyrillic letters but no evidence gets
/// `fallback` (Russian unless told otherwise: most catalog text in the region is Russian); text
/// with no Cyrillic letter at all is `other`.
///
/// ```swift
/// LanguageDetector().detect("колькі каштуе пыласос") // .be
/// ```
public struct LanguageDetector: Sendable {
    /// The language for Cyrillic text without any evidence.
    public let fallback: Language

    /// Creates a detector.
    ///
    /// - Parameter fallback: What ambiguous Cyrillic text is taken for (default `ru`).
    public init(fallback: Language = .ru) {
        self.fallback = fallback
    }

    /// The evidence gathered from a text.
    public struct Scores: Sendable, Equatable {
        /// Points for Russian.
        public var russian: Int = 0
        /// Points for Belarusian.
        public var belarusian: Int = 0
        /// Number of Cyrillic letters seen.
        public var cyrillicLetters: Int = 0
        /// Number of Latin letters seen.
        public var latinLetters: Int = 0
    }

    /// Detects the language of `text`.
    public func detect(_ text: String) -> Language {
        let scores = score(text)
        if scores.cyrillicLetters == 0 { return .other }
        if scores.belarusian > scores.russian { return .be }
        if scores.russian > scores.belarusian { return .ru }
        return fallback
    }

    /// Scores `text` for both languages.
    public func score(_ text: String) -> Scores {
        score(text, word: scoreWord)
    }

    /// The reference for ``score(_:)``: the original per-word scoring through Strings (tests
    /// check both agree).
    package func referenceScore(_ text: String) -> Scores {
        score(text, word: referenceScoreWord)
    }

    /// Splits `text` into lowercase words and scores each with `scoreWord`.
    @inline(__always)
    private func score(_ text: String, word scoreWord: ([Unicode.Scalar], inout Scores) -> Void) -> Scores {
        var scores = Scores()
        var word: [Unicode.Scalar] = []
        func flush() {
            if !word.isEmpty { scoreWord(word, &scores) }
            word.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            let lower = TextNormalizer.fastFold(TextNormalizer.apostrophe(scalar))
            let value = lower.value
            if Homoglyphs.isCyrillic(value) {
                scores.cyrillicLetters += 1
                word.append(lower)
            } else if Homoglyphs.isLatin(value) {
                scores.latinLetters += 1
                word.append(lower)
            } else if lower == "'" && !word.isEmpty {
                word.append(lower)
            } else {
                flush()
            }
        }
        flush()
        return scores
    }

    /// Adds the evidence of one lowercase word; words without Cyrillic letters say nothing.
    ///
    /// The same points as ``referenceScoreWord(_:into:)`` without a String or an array per word
    /// (that one was a third of importing a YML feed): the word list key is packed into three
    /// integers and the marker pairs are found in one pass.
    private func scoreWord(_ word: [Unicode.Scalar], into scores: inout Scores) {
        guard word.contains(where: { Homoglyphs.isCyrillic($0.value) }) else { return }
        if word.count <= 12, let key = PackedWord(word) {
            if Self.belarusianPackedWords.contains(key) { scores.belarusian += 2 }
            if Self.russianPackedWords.contains(key) { scores.russian += 2 }
        }
        var hasBelarusianLetter = false
        var hasRussianLetter = false
        var markers: UInt16 = 0
        var previous: Unicode.Scalar = " "
        for index in word.indices {
            // A Latin `i` inside a Cyrillic word is a typed Belarusian `і`.
            let scalar: Unicode.Scalar = word[index] == "i" ? "і" : word[index]
            switch scalar {
            case "і", "ў": hasBelarusianLetter = true
            case "'": if index > 0 && index + 1 < word.count { hasBelarusianLetter = true }
            case "и", "щ", "ъ": hasRussianLetter = true
            default: break
            }
            if index > 0 { markers |= Self.markerBit(previous, scalar) }
            previous = scalar
        }
        if hasBelarusianLetter { scores.belarusian += 3 }
        if hasRussianLetter { scores.russian += 3 }
        scores.belarusian += markers.nonzeroBitCount
        if word.count > 2, let last = word.last, last == "ў" { scores.belarusian += 1 }
    }

    /// The bit of the Belarusian marker pair `first` `second` (``belarusianMarkers``), 0 when it
    /// is none.
    @inline(__always)
    private static func markerBit(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt16 {
        switch (first, second) {
        case ("д", "з"): return 1 << 0
        case ("ш", "ч"): return 1 << 1
        case ("ц", "ц"): return 1 << 2
        case ("ц", "ь"): return 1 << 3
        case ("р", "э"): return 1 << 4
        case ("т", "э"): return 1 << 5
        case ("ч", "э"): return 1 << 6
        case ("ж", "э"): return 1 << 7
        case ("ш", "э"): return 1 << 8
        case ("ц", "э"): return 1 << 9
        default: return 0
        }
    }

    /// A word of at most 12 scalars below U+0800 (Cyrillic, Latin, apostrophe) as its UTF-8
    /// bytes packed into integers, with `i` read as `і`: a word-list key with no allocation.
    private struct PackedWord: Hashable {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0

        init?<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars) {
            for original in scalars {
                let scalar: Unicode.Scalar = original == "i" ? "і" : original
                let value = scalar.value
                if value < 0x80 {
                    guard append(UInt8(value)) else { return nil }
                } else if value < 0x800 {
                    guard append(UInt8(0xC0 | value >> 6)), append(UInt8(0x80 | value & 0x3F)) else { return nil }
                } else {
                    return nil
                }
            }
        }

        private mutating func append(_ byte: UInt8) -> Bool {
            guard count < 32 else { return false }
            let shifted = UInt64(byte) << UInt64(count % 8 * 8)
            switch count / 8 {
            case 0: words.0 |= shifted
            case 1: words.1 |= shifted
            case 2: words.2 |= shifted
            default: words.3 |= shifted
            }
            count += 1
            return true
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(words.0)
            hasher.combine(words.1)
            hasher.combine(words.2)
            hasher.combine(words.3)
            hasher.combine(count)
        }

        static func == (lhs: PackedWord, rhs: PackedWord) -> Bool {
            lhs.words == rhs.words && lhs.count == rhs.count
        }
    }

    private static let belarusianPackedWords = Set(belarusianWords.compactMap { PackedWord($0.unicodeScalars) })
    private static let russianPackedWords = Set(russianWords.compactMap { PackedWord($0.unicodeScalars) })

    /// The original scoring of one word (the reference for ``scoreWord(_:into:)``).
    private func referenceScoreWord(_ word: [Unicode.Scalar], into scores: inout Scores) {
        guard word.contains(where: { Homoglyphs.isCyrillic($0.value) }) else { return }
        // A Latin `i` inside a Cyrillic word is a typed Belarusian `і`.
        let word = word.map { $0 == "i" ? "і" : $0 }
        if word.count <= 12 {  // the longest listed word has 10 letters
            let key = UTF8Key(String(String.UnicodeScalarView(word)))
            if Self.belarusianWordKeys.contains(key) { scores.belarusian += 2 }
            if Self.russianWordKeys.contains(key) { scores.russian += 2 }
        }
        var hasBelarusianLetter = false
        var hasRussianLetter = false
        for (index, scalar) in word.enumerated() {
            switch scalar {
            case "і", "ў": hasBelarusianLetter = true
            case "'": if index > 0 && index + 1 < word.count { hasBelarusianLetter = true }
            case "и", "щ", "ъ": hasRussianLetter = true
            default: break
            }
        }
        if hasBelarusianLetter { scores.belarusian += 3 }
        if hasRussianLetter { scores.russian += 3 }
        for marker in Self.belarusianMarkerPairs where Self.contains(word, marker) {
            scores.belarusian += 1
        }
        if word.count > 2, let last = word.last, last == "ў" { scores.belarusian += 1 }
    }

    /// Frequent Belarusian words, including voice-query words.
    static let belarusianWords: Set<String> = [
        "і", "ў", "ці", "што", "гэта", "як", "дзе", "колькі", "каштуе", "купіць", "ёсць", "няма", "таму", "які",
        "якая", "якое", "якія", "лепш", "таннейшы", "танны", "самы", "мне", "трэба", "калі", "ласка", "дзякуй",
        "скажы", "пакажы", "знайдзі", "хачу", "крама", "краме", "рублёў", "тысяч", "мадэль", "новы", "для", "з",
        "па", "да", "пры", "таксама", "вельмі", "праз", "ад", "аб", "але", "або", "ёй", "ён", "яна", "яны",
    ]

    /// Frequent Russian words, including voice-query words.
    static let russianWords: Set<String> = [
        "и", "в", "что", "это", "как", "где", "сколько", "стоит", "купить", "есть", "нет", "который", "какой",
        "какая", "какие", "лучше", "дешевый", "самый", "мне", "нужно", "нужен", "когда", "пожалуйста",
        "спасибо", "скажи", "покажи", "найди", "хочу", "магазин", "магазине", "рублей", "тысяч", "модель", "новый",
        "для", "с", "по", "до", "при", "также", "очень", "через", "от", "об", "но", "или", "ее", "он", "она",
        "они", "ещё", "еще", "уже", "чтобы", "если",
    ]

    /// Letter sequences frequent in Belarusian words and rare in Russian ones.
    static let belarusianMarkers: [String] = ["дз", "шч", "цц", "ць", "рэ", "тэ", "чэ", "жэ", "шэ", "цэ"]

    /// The markers as scalar pairs, and the word lists as byte-compared keys: detection runs on
    /// every product without a language, so it must not go through String searching.
    private static let belarusianMarkerPairs: [(Unicode.Scalar, Unicode.Scalar)] = belarusianMarkers.map {
        let scalars = Array($0.unicodeScalars)
        return (scalars[0], scalars[1])
    }
    private static let belarusianWordKeys = Set(belarusianWords.map(UTF8Key.init))
    private static let russianWordKeys = Set(russianWords.map(UTF8Key.init))

    /// Whether `word` contains the two scalars next to each other.
    private static func contains(_ word: [Unicode.Scalar], _ pair: (Unicode.Scalar, Unicode.Scalar)) -> Bool {
        guard word.count >= 2 else { return false }
        for index in 0..<(word.count - 1) where word[index] == pair.0 && word[index + 1] == pair.1 { return true }
        return false
    }
}
