import Synchronization
import VitrinaModel

/// Reads numbers spoken or written in words, in any grammatical case, in Russian and Belarusian.
///
/// Each word is classified, first match wins:
/// 1. our tables (``NumberWordTables``): what ICU lacks — scale words alone (`тысячу`, `тыс`,
///    `млн`), `полтора`, `полтысячи`, `с половиной`, Belarusian oblique forms (`пяцісот`);
/// 2. every word ICU's spell-out rules can write, in every gender, case and ordinal rule set
///    (``SpellOutVocabulary``, read from ICU once per language): `двадцати`, `пятьюстами`, `сорокового`;
/// 3. digits, with an optional decimal part (`30`, `2,5`) or a glued thousands suffix (`30к`, `30тыс`);
/// 4. ICU's lenient parse (``SpellOutFormat``, all rule sets) for a word that starts like a number word
///    but is in neither list; results are cached. This is slow (milliseconds a word), so at most
///    ``icuLookupsPerCall`` new words per call go to ICU.
///
/// Words are then combined the usual way: hundreds, tens and units add up inside a group, a scale
/// word (`тысяч`, `миллиона`) multiplies the group before it, and scales must fall
/// (`три миллиона двести тысяч`). A sequence that cannot be one number is split into several:
/// `пять шесть` is 5 and 6, `двадцать тридцать` is 20 and 30. Digits combine with scales
/// (`30 тысяч`, `2,5 тысячи`, `30 к`, `2 тысячи 500`), and `с половиной` adds a half
/// (`два с половиной миллиона`, `две тысячи с половиной`).
///
/// What is not a number: `раз` (`в два раза дешевле`: 2 is found, `раза` is a word), `пара`,
/// `сотня`, `штук`; the preposition `к` counts only right after digits (`30 к`), `с` only before
/// `половиной`. `2K`, `4K`, `5K`, `6K`, `8K` (`4к`) are screen resolutions, words like a model
/// code, unless a price is being said (`до 4к`, `за 8к`, `4к рублей`). Ordinals are numbers
/// (`сорок шестого размера` → 46), so `второй` is 2.
///
/// One instance is safe to share between tasks.
///
/// ```swift
/// let parser = try SpokenNumberParser(language: .ru)
/// parser.value(of: "двадцати пяти тысяч")                        // 25000
/// parser.numbers(in: ["до", "тридцати", "тысяч", "рублей"])      // [30000 at 1..<3]
/// ```
public final class SpokenNumberParser: Sendable {
    /// The language whose words are read.
    public let language: Language
    /// ICU's spell-out rules, for words in neither table.
    private let spellOut: SpellOutFormat
    /// Our table merged over the ICU vocabulary: the first two lookups in one.
    private let known: [String: NumberWord]
    /// The first three letters of every known number word: only such words may go to ICU.
    private let stems: Set<Substring>
    /// Words already looked up through ICU (`nil` for "not a number word").
    private let cache = Mutex<[String: NumberWord?]>([:])
    /// The cache is emptied when it reaches this many words.
    private static let cacheLimit = 20_000
    /// How many uncached words one call may send to ICU's lenient parse.
    static let icuLookupsPerCall = 16
    /// Words longer than this (in Unicode scalars) are never numbers.
    private static let maxWordLength = 24

    /// Creates a parser for `language` (`ru` or `be`; `other` reads Russian).
    ///
    /// The first parser of a language reads ICU's vocabulary (a few milliseconds); later ones share it.
    ///
    /// - Parameter language: The language of the words to read.
    /// - Throws: ``ICUError`` when ICU has no spell-out rules for the language.
    ///
    /// ```swift
    /// let be = try SpokenNumberParser(language: .be)
    /// be.value(of: "пяцісот") // 500
    /// ```
    public init(language: Language) throws {
        let language: Language = language == .be ? .be : .ru
        self.language = language
        self.spellOut = try SpellOutFormat(language: language)
        let table = language == .be ? NumberWordTables.belarusian : NumberWordTables.russian
        let known = try SpellOutVocabulary.words(for: language).merging(table) { _, ours in ours }
        self.known = known
        self.stems = Set(known.keys.filter { $0.unicodeScalars.count >= 3 }.map { $0.prefix(3) })
    }

    /// The value of `text` when the whole text is one number phrase, else `nil`.
    ///
    /// The text is lowercased and split at spaces and punctuation; a decimal comma or dot between
    /// digits stays (`2,5`).
    ///
    /// - Parameter text: A number phrase, such as `двадцати пяти тысяч` or `30 тыс`.
    /// - Returns: The value, or `nil` when the text is empty, has a word that is not part of a
    ///   number, or holds more than one number (`пять шесть`).
    ///
    /// ```swift
    /// parser.value(of: "полтора миллиона") // 1500000
    /// parser.value(of: "2,5 тысячи")       // 2500
    /// parser.value(of: "телевизор")        // nil
    /// ```
    public func value(of text: String) -> Double? {
        let words = Self.words(of: text)
        guard !words.isEmpty else { return nil }
        let found = numbers(in: words)
        guard found.count == 1, found[0].range == 0..<words.count else { return nil }
        return found[0].value
    }

    /// Every maximal number phrase in `words`, in order.
    ///
    /// - Parameter words: Lowercase words, such as the normalized tokens of a query; digits may be
    ///   mixed with words (`30`, `тысяч`).
    /// - Returns: One ``SpokenNumber`` per phrase, with the indices of the words it spans.
    ///
    /// ```swift
    /// parser.numbers(in: ["до", "30", "тысяч"])     // [30000 at 1..<3]
    /// parser.numbers(in: ["пять", "шесть"])         // [5 at 0..<1, 6 at 1..<2]
    /// ```
    public func numbers(in words: [String]) -> [SpokenNumber] {
        var result: [SpokenNumber] = []
        var builder = NumberBuilder()
        var budget = Self.icuLookupsPerCall
        var index = 0
        while index < words.count {
            if Self.isResolution(words[index]), !Self.isPriceContext(words, at: index) {
                builder.finish(into: &result)
                index += 1
                continue
            }
            guard var word = classify(words[index], budget: &budget),
                !Self.isCodeLetter(word, at: index, in: words)
            else {
                builder.finish(into: &result)
                index += 1
                continue
            }
            var consumed = 1
            if word == .halfConnector || word == .half {
                // "с половиной": a half only after a number and when the next word says so.
                guard word == .halfConnector, builder.isActive, index + 1 < words.count,
                    known[words[index + 1]] == .half
                else {
                    builder.finish(into: &result)
                    index += 1
                    continue
                }
                word = .half
                consumed = 2
            }
            if !builder.add(word, at: index, length: consumed) {
                builder.finish(into: &result)
                _ = builder.add(word, at: index, length: consumed)
            }
            index += consumed
        }
        builder.finish(into: &result)
        return result
    }

    /// What `word` means as a number word, if anything, with `budget` limiting calls to ICU.
    func classify(_ word: String, budget: inout Int) -> NumberWord? {
        if let known = known[word] { return known }
        if let digits = Self.digitValue(word) { return digits }
        guard word.unicodeScalars.count <= Self.maxWordLength, stems.contains(word.prefix(3)),
            word.unicodeScalars.allSatisfy(\.properties.isAlphabetic)
        else { return nil }
        if let cached = cache.withLock({ $0[word] }) { return cached }
        guard budget > 0 else { return nil }
        budget -= 1
        let parsed = spellOut.parse(word).flatMap(NumberWord.cardinal)
        cache.withLock { cache in
            if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[word] = .some(parsed)
        }
        return parsed
    }

    /// What `word` means as a number word, with an unlimited ICU budget (for tests and tools).
    func classify(_ word: String) -> NumberWord? {
        var budget = Int.max
        return classify(word, budget: &budget)
    }

    /// Digits with an optional decimal part (`30`, `2,5`), or digits with a thousands suffix
    /// (`30к`, `30k`, `30тыс`).
    static func digitValue(_ word: String) -> NumberWord? {
        guard let first = word.unicodeScalars.first, isDigit(first) else { return nil }
        var digits = ""
        var suffix = ""
        var seenMark = false
        for scalar in word.unicodeScalars {
            if !suffix.isEmpty {
                suffix.unicodeScalars.append(scalar)
            } else if isDigit(scalar) {
                digits.unicodeScalars.append(scalar)
            } else if (scalar == "," || scalar == ".") && !seenMark {
                seenMark = true
                digits.append(".")
            } else {
                suffix.unicodeScalars.append(scalar)
            }
            if digits.utf8.count > 30 { return nil }
        }
        guard let value = Double(digits), value.isFinite else { return nil }
        if suffix.isEmpty { return .digits(value) }
        return NumberWordTables.thousandSuffixes.contains(suffix) ? .complete(value * 1000) : nil
    }

    /// Whether `word` is a screen resolution: `2k`, `4k`, `5k`, `6k`, `8k` (Latin or Cyrillic `к`).
    static func isResolution(_ word: String) -> Bool {
        NumberWordTables.resolutions.contains(word)
    }

    /// Whether the shorthand `к`/`k` at `index` is a letter rather than thousands: digits follow it
    /// («4010 к 18 26», written «4010 к-18-26»), or it is the Latin `k` outside a price («5500 k» is
    /// kelvins); `30 к`, `до 30 k` and `30 k рублей` stay thousands.
    static func isCodeLetter(_ word: NumberWord, at index: Int, in words: [String]) -> Bool {
        guard case .scaleAfterDigits = word else { return false }
        if index + 1 < words.count, words[index + 1].first?.isNumber == true { return true }
        let saysPrice = (index > 0 && isPriceContext(words, at: index - 1)) || isPriceContext(words, at: index)
        return words[index] == "k" && !saysPrice
    }

    /// Whether the words around `index` say a price: a price word before it (`до`, `за`, `дешевле`,
    /// `да`, `танней`) or a currency after it (`рублей`, `руб`, `₽`, `byn`).
    static func isPriceContext(_ words: [String], at index: Int) -> Bool {
        if index > 0, NumberWordTables.priceWordsBefore.contains(words[index - 1]) { return true }
        if index + 1 < words.count, NumberWordTables.currencyWordsAfter.contains(words[index + 1]) { return true }
        return false
    }

    /// Whether `scalar` is an ASCII digit (other scripts' digits are left to the tokenizer).
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }

    /// Splits text into lowercase words for ``value(of:)``.
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        let scalars = Array(text.lowercased().unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let isDecimalMark =
                (scalar == "," || scalar == ".") && index > 0 && index + 1 < scalars.count
                && isDigit(scalars[index - 1]) && isDigit(scalars[index + 1])
            if scalar.properties.isAlphabetic || isDigit(scalar) || isDecimalMark {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
