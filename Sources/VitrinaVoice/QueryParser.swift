import Foundation
import VitrinaModel
import VitrinaText

/// Turns what a shopper said into a ``VoiceQuery``: language, intent, price range, brands,
/// colours, sizes and units, availability and discount wishes, the order, and the words left to
/// search for.
///
/// The steps, each removing the words it used: keyboard-layout repair of Latin words the catalog
/// does not know (`ntktdbpjh` → `телевизор`); wake words at the start (`алиса`, `окей гугл`);
/// the intent phrase (`где купить`, `колькі каштуе`); `в наличии` / `со скидкой`; numbers
/// (digits or words in any case, through ``SpokenNumberParser``) that are prices because of a cue
/// (`до`, `не дороже`, `от … до`, `около`, `за`) or a currency word, sizes (`сорок шестого
/// размера`) and quantities with units (`сто двадцать восемь гигабайт` → `128 гб`); the order
/// (`самый дешёвый`, `последняя модель`, `с хорошими отзывами`); colours in any form and either
/// language; brands in either script (``BrandMatcher``); fillers and function words. Numbers
/// that are none of these stay in the text as digits, so `айфон пятнадцать про` searches
/// `iphone 15 pro`.
///
/// Never fails: empty or nonsense input gives a query with empty text.
public final class QueryParser: Sendable {
    private let vocabulary: any Vocabulary
    private let brands: BrandMatcher
    private let numbers: [Language: SpokenNumberParser]
    private let knownWords: Set<String>

    /// The longest query read, in characters; the rest is ignored.
    public static let maximumLength = 500

    /// Creates a parser for a catalog.
    ///
    /// - Throws: ``ICUError`` when ICU lacks the spell-out rules of Russian or Belarusian.
    public init(vocabulary: any Vocabulary) throws {
        self.vocabulary = vocabulary
        brands = BrandMatcher(vendors: vocabulary.vendors)
        numbers = [.ru: try SpokenNumberParser(language: .ru), .be: try SpokenNumberParser(language: .be)]
        var known = Lexicon.fillers.union(Lexicon.functionWords)
        for (phrase, _) in Lexicon.intents { known.formUnion(phrase) }
        for phrase in Lexicon.maximumCues + Lexicon.minimumCues + Lexicon.inStock { known.formUnion(phrase) }
        knownWords = known.union(Lexicon.currencyWords.keys)
    }

    /// Parses `text`.
    public func parse(_ text: String) -> VoiceQuery {
        var words = Self.words(String(text.prefix(Self.maximumLength)))
        words = words.map(repairLayout)
        let normalized = words.joined(separator: " ")
        var language = LanguageDetector().detect(normalized)
        if language == .other { language = .ru }
        var query = VoiceQuery(language: language, normalized: normalized)
        var used = [Bool](repeating: false, count: words.count)
        var replacements: [Int: String] = [:]

        dropWakeWords(words, &used)
        if let (range, intent) = Self.find(Lexicon.intents.map { ($0.phrase, $0.intent) }, in: words, used: used) {
            query.intent = intent
            for index in range { used[index] = true }
        } else if let (question, verdict) = Self.recommendation(in: words) {
            // «какой пылесос лучше выбрать», «які чайнік лепш»: the question word and the verdict apart.
            query.intent = .recommend
            used[question] = true
            used[verdict] = true
        }
        if let (range, _) = Self.find(Lexicon.inStock.map { ($0, true) }, in: words, used: used) {
            if query.intent != .availability { query.filters.available = true }
            for index in range { used[index] = true }
        }
        if let (range, _) = Self.find(Lexicon.discounted.map { ($0, true) }, in: words, used: used) {
            query.filters.discount = true
            for index in range { used[index] = true }
        }
        readNumbers(words, &used, &replacements, &query)
        if let (range, sort) = Self.find(Lexicon.sorts.map { ($0.phrase, $0.sort) }, in: words, used: used) {
            query.sort = sort
            for index in range { used[index] = true }
        } else if query.intent == .recommend {
            query.sort = .rating  // "which is best": the best rated first
        }
        var text: [String] = []
        for (index, word) in words.enumerated() {
            if let replacement = replacements[index] {
                text.append(replacement)
                continue
            }
            if used[index] { continue }
            if let colour = Self.colour(word) {
                if !query.filters.color.contains(colour) { query.filters.color.append(colour) }
                continue
            }
            if let vendor = brands.vendor(for: word) {
                if !query.filters.vendor.contains(vendor) { query.filters.vendor.append(vendor) }
                if let model = Lexicon.modelWords[word] { text.append(model) }
                continue
            }
            if let model = Lexicon.modelWords[word], Self.isModelContext(previous: text.last, word: word) {
                text.append(model)
                continue
            }
            if Lexicon.fillers.contains(word) || Lexicon.functionWords.contains(word) { continue }
            text.append(word)
        }
        query.text = text.joined(separator: " ")
        return query
    }

    // MARK: - Steps

    /// Lowercase words with `ё` as `е`; punctuation other than inner apostrophes and hyphens dropped.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        func flush() {
            let trimmed = current.trimmingCharacters(in: CharacterSet(charactersIn: "-'"))
            if !trimmed.isEmpty { words.append(trimmed) }
            current = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character == "ё" ? "е" : character)
            } else if character == "'" || character == "’" || character == "ʼ" {
                current.append("'")
            } else if character == "-" || character == "," || character == ".", !current.isEmpty,
                current.last?.isNumber == true || character == "-"
            {
                current.append(character == "-" ? "-" : ",")
            } else if character == "₽" {
                flush()
                words.append("₽")
            } else {
                flush()
            }
        }
        flush()
        return words.map { $0.hasSuffix(",") ? String($0.dropLast()) : $0 }
    }

    /// A Latin word the catalog does not know, typed with the Russian layout by mistake.
    private func repairLayout(_ word: String) -> String {
        guard word.unicodeScalars.contains(where: { ("a"..."z").contains($0) }),
            !word.unicodeScalars.contains(where: Self.isCyrillic),
            !vocabulary.knows(word), brands.vendor(for: word) == nil
        else { return word }
        let converted = KeyboardLayout.convert(word, from: .english, to: .russian).lowercased()
            .replacingOccurrences(of: "ё", with: "е")
        guard converted.unicodeScalars.allSatisfy(Self.isCyrillic) else { return word }
        // A Latin word without vowels is no word at all: take the conversion even if unknown.
        let hasVowel = word.contains { "aeiouy".contains($0) }
        return !hasVowel && word.count >= 4 || knownWords.contains(converted) || vocabulary.knows(converted)
            ? converted : word
    }

    /// A question word (`какой`, `які`) followed within three words by `лучше`/`лепш`/`выбрать`.
    private static func recommendation(in words: [String]) -> (Int, Int)? {
        let questions: Set<String> = [
            "какой", "какая", "какое", "какую", "какие", "які", "якая", "якое", "якую", "якія",
        ]
        let verdicts: Set<String> = ["лучше", "лепш", "выбрать", "выбраць", "лучший", "лепшы"]
        for (index, word) in words.enumerated() where questions.contains(word) {
            for next in (index + 1)..<min(words.count, index + 5) where verdicts.contains(words[next]) {
                return (index, next)
            }
        }
        return nil
    }

    private func dropWakeWords(_ words: [String], _ used: inout [Bool]) {
        var start = 0
        var matched = true
        while matched {
            matched = false
            for phrase in Lexicon.wakePhrases where start + phrase.count <= words.count {
                if Array(words[start..<(start + phrase.count)]) == phrase {
                    for index in start..<(start + phrase.count) { used[index] = true }
                    start += phrase.count
                    matched = true
                    break
                }
            }
        }
    }

    /// Reads every number phrase: prices (with cues and currencies), sizes, quantities with units;
    /// other numbers become digits in the text.
    private func readNumbers(
        _ words: [String], _ used: inout [Bool], _ replacements: inout [Int: String], _ query: inout VoiceQuery
    ) {
        guard let parser = numbers[query.language] ?? numbers[.ru] else { return }
        let found = parser.numbers(in: words)
        var price = query.filters.price ?? VoiceQuery.PriceRange()
        var hasPrice = false
        var spokenCurrency: String??
        for number in found {
            let span = number.range
            if span.contains(where: { used[$0] }) { continue }
            // A currency word right after.
            var end = span.upperBound
            var currency: String??
            if end < words.count, let code = Lexicon.currencyWords[words[end]] {
                currency = code
                end += 1
                if end < words.count, ["руб", "рублей", "рублеу", "рублёў", "рубля"].contains(words[end]) { end += 1 }
            }
            let cue = Self.cue(before: span.lowerBound, in: words, used: used)
            if cue != nil || currency != nil {
                let value = number.value
                switch cue?.kind {
                case .maximum: price.max = value
                case .minimum: price.min = value
                case .around:
                    price.min = (value * 0.8).rounded()
                    price.max = (value * 1.2).rounded()
                case nil: price.max = value
                }
                if let cue { for index in cue.range { used[index] = true } }
                for index in span.lowerBound..<end { used[index] = true }
                if let currency { spokenCurrency = currency }
                hasPrice = true
                continue
            }
            if end < words.count, Lexicon.sizeWords.contains(words[end]) {
                query.filters.size = Self.digits(number.value)
                for index in span.lowerBound...end { used[index] = true }
                continue
            }
            if end < words.count, let unit = Lexicon.units.first(where: { words[end].hasPrefix($0.prefix) })?.unit {
                let quantity = "\(Self.digits(number.value)) \(unit)"
                query.filters.units.append(quantity)
                for index in span.lowerBound...end { used[index] = true }
                replacements[span.lowerBound] = quantity
                continue
            }
            for index in span { used[index] = true }
            replacements[span.lowerBound] = Self.digits(number.value)
        }
        guard hasPrice else { return }
        // "от двух до пяти тысяч": the scale word of the upper bound applies to the lower one too.
        if let min = price.min, let max = price.max, min > 0, min < 1_000, max >= 1_000, min * 1_000 <= max {
            price.min = min * 1_000
        }
        if let min = price.min, let max = price.max, min > max { price = .init(min: max, max: min) }
        switch spokenCurrency {
        case .some(.some(let code)): price.currency = code
        default: price.currency = query.language == .be ? "BYN" : "RUB"
        }
        query.filters.price = price
    }

    private enum CueKind { case maximum, minimum, around }

    /// The price cue ending right before `index` (the longest one), skipping nothing.
    private static func cue(before index: Int, in words: [String], used: [Bool]) -> (kind: CueKind, range: Range<Int>)?
    {
        var best: (kind: CueKind, range: Range<Int>)?
        for (kind, phrases) in [
            (CueKind.maximum, Lexicon.maximumCues), (.minimum, Lexicon.minimumCues), (.around, Lexicon.aroundCues),
        ] {
            for phrase in phrases where phrase.count <= index {
                let start = index - phrase.count
                guard Array(words[start..<index]) == phrase, !(start..<index).contains(where: { used[$0] }) else {
                    continue
                }
                if best == nil || phrase.count > (best?.range.count ?? 0) { best = (kind, start..<index) }
            }
        }
        return best
    }

    /// The first occurrence, over unused words, of the longest matching phrase (`*` ends a prefix).
    static func find<T>(_ phrases: [([String], T)], in words: [String], used: [Bool]) -> (Range<Int>, T)? {
        var best: (Range<Int>, T)?
        for (phrase, value) in phrases where phrase.count <= words.count {
            for start in 0...(words.count - phrase.count) {
                let range = start..<(start + phrase.count)
                guard !range.contains(where: { used[$0] }) else { continue }
                let matches = zip(phrase, words[range]).allSatisfy { pattern, word in
                    pattern.hasSuffix("*") ? word.hasPrefix(pattern.dropLast()) : word == pattern
                }
                guard matches else { continue }
                if best == nil || phrase.count > (best?.0.count ?? 0)
                    || (phrase.count == best?.0.count && start < (best?.0.lowerBound ?? 0))
                {
                    best = (range, value)
                }
                break
            }
        }
        return best
    }

    /// The canonical colour a word names, if any.
    static func colour(_ word: String) -> String? {
        guard !Lexicon.colourFalseFriends.contains(word) else { return nil }
        for (prefix, name) in Lexicon.colours where word.hasPrefix(prefix) && word.count <= prefix.count + 4 {
            // `сер` and `бел` are short: only adjective endings follow them.
            if prefix.count <= 3,
                !["ый", "ая", "ое", "ые", "ого", "ую", "ой", "ом", "ых", "ым", "ы", "ага", "ую", "ай", "ае", "ыя"]
                    .contains(String(word.dropFirst(prefix.count)))
            {
                continue
            }
            return name
        }
        return nil
    }

    /// Whether a model-line word (`про`, `макс`) follows something model-like.
    private static func isModelContext(previous: String?, word: String) -> Bool {
        guard ["про", "макс", "плюс", "мини", "ультра", "лайт", "эйр", "эир", "ноут", "нот"].contains(word) else {
            return true
        }
        guard let previous else { return false }
        return previous.first?.isNumber == true || Lexicon.modelWords.values.contains(previous)
            || previous.unicodeScalars.allSatisfy { $0.isASCII }
    }

    private static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { (0x0400...0x04FF).contains(scalar.value) }

    /// A number as digits: `15`, `2.5`.
    static func digits(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
