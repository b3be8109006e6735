import Synchronization

/// Reads numbers spoken or written in words, in any grammatical case, in Russian and Belarusian.
///
/// Each word is looked up in our tables (``NumberWordTables``: the forms ICU misses,
/// abbreviations, `полтора`, `с половиной`) and otherwise parsed by ICU's rule-based spell-out
/// format (``SpellOutFormat``, lenient, all rule sets, so `двадцати`, `пятьюстами` and ordinals
/// such as `сорок шестого` work); results are cached. Words are then combined the usual way:
/// hundreds, tens and units add up inside a group, a scale word (`тысяч`, `миллиона`) multiplies
/// the group before it. A sequence that cannot be one number (`пять шесть`, `двадцать тридцать`)
/// is split into several. Digits combine with scales too (`30 тысяч`, `2,5 тысячи`, `30к`).
///
/// ```swift
/// let parser = try SpokenNumberParser(language: .ru)
/// parser.value(of: "двадцати пяти тысяч")                        // 25000
/// parser.numbers(in: ["до", "тридцати", "тысяч", "рублей"])      // [25000 at 1..<3]
/// ```
public final class SpokenNumberParser: Sendable {
    /// The language whose words are read.
    public let language: Language
    private let spellOut: SpellOutFormat
    private let table: [String: NumberWord]
    /// Words already looked up through ICU (`nil` for "not a number word").
    private let cache = Mutex<[String: NumberWord?]>([:])
    private static let cacheLimit = 50_000

    /// Creates a parser for `language` (`ru` or `be`; `other` uses Russian tables).
    ///
    /// - Throws: ``ICUError`` when ICU has no spell-out rules for the language.
    public init(language: Language) throws {
        self.language = language
        self.spellOut = try SpellOutFormat(language: language == .be ? .be : .ru)
        self.table = language == .be ? NumberWordTables.belarusian : NumberWordTables.russian
    }

    /// The value of `text` when the whole text is one number phrase, else `nil`.
    ///
    /// Words are split at spaces and punctuation (a decimal comma or dot between digits stays).
    public func value(of text: String) -> Double? {
        let words = Self.words(of: text)
        let found = numbers(in: words)
        guard found.count == 1, found[0].range == 0..<words.count else { return nil }
        return found[0].value
    }

    /// Every maximal number phrase in `words` (lowercase), in order.
    public func numbers(in words: [String]) -> [SpokenNumber] {
        var result: [SpokenNumber] = []
        var builder = NumberBuilder()
        var index = 0
        while index < words.count {
            guard var word = classify(words[index]) else {
                builder.finish(into: &result)
                index += 1
                continue
            }
            var consumed = 1
            if word == .halfConnector {
                // "с половиной": a half only when the next word says so.
                guard builder.isActive, index + 1 < words.count, classify(words[index + 1]) == .half else {
                    builder.finish(into: &result)
                    index += 1
                    continue
                }
                word = .half
                consumed = 2
            } else if word == .half {
                builder.finish(into: &result)
                index += 1
                continue
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

    /// What `word` means as a number word, if anything.
    func classify(_ word: String) -> NumberWord? {
        if let known = table[word] { return known }
        if let digits = Self.digitValue(word) { return digits }
        guard word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }), word.unicodeScalars.count <= 40 else {
            return nil
        }
        if let cached = cache.withLock({ $0[word] }) { return cached }
        let parsed = spellOut.parse(word).flatMap(NumberWord.cardinal)
        cache.withLock { cache in
            if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[word] = .some(parsed)
        }
        return parsed
    }

    /// Digits with an optional decimal part (`30`, `2,5`), or digits with a thousands suffix
    /// (`30к`, `30k`, `30тыс`).
    static func digitValue(_ word: String) -> NumberWord? {
        let scalars = Array(word.unicodeScalars)
        var end = 0
        while end < scalars.count,
            scalars[end].properties.numericType != nil || scalars[end] == "," || scalars[end] == "."
        {
            end += 1
        }
        guard end > 0, scalars[0].properties.numericType != nil else { return nil }
        let digits = String(String.UnicodeScalarView(scalars[..<end])).replacingOccurrences(",", with: ".")
        guard let value = Double(digits) else { return nil }
        if end == scalars.count { return .digits(value) }
        let suffix = String(String.UnicodeScalarView(scalars[end...]))
        return NumberWordTables.thousandSuffixes.contains(suffix) ? .complete(value * 1000) : nil
    }

    /// Splits text into lowercase words for ``value(of:)``.
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        let scalars = Array(text.lowercased().unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let isDecimalMark =
                (scalar == "," || scalar == ".") && index > 0 && index + 1 < scalars.count
                && scalars[index - 1].properties.numericType != nil && scalars[index + 1].properties.numericType != nil
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || isDecimalMark {
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

extension String {
    /// `self` with every `target` character replaced (a Foundation-free helper).
    fileprivate func replacingOccurrences(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
