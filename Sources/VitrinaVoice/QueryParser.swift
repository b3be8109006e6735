import Foundation
import VitrinaModel
import VitrinaText

/// Turns what a shopper said into a ``VoiceQuery``: language, intent, price range, brands,
/// colours, sizes and units, availability and discount wishes, the order, and the words to search.
///
/// Understanding adds evidence and never deletes it: only wake words (`алиса`, `окей гугл`),
/// fillers (`пожалуйста`, `покажи`), function words, the intent phrase (`где купить`,
/// `колькі каштуе`) and the phrases that became constraints (`до двухсот рублей`, `в наличии`,
/// `со скидкой`, `самый дешёвый`) leave the text. Everything the shopper said about the product
/// stays in ``VoiceQuery/text`` — product-kind words, brands, colours, model words and codes —
/// and is also labelled in ``VoiceQuery/words``, so search can use a brand or a colour as a
/// ranking feature without losing the word.
///
/// The steps: text normalized as the index normalizes it (``TextNormalizer``: case, stress marks,
/// homoglyphs, apostrophes; `ё` as `е` for matching); keyboard-layout repair of Latin words the
/// catalog does not know (`ntktdbpjh` → `телевизор`), for the whole query when most of its Latin
/// words are in the wrong layout; wake words at the start; the intent phrase; `в наличии` /
/// `со скидкой`; numbers (digits, digit groups split by spaces, or words in any case through
/// ``SpokenNumberParser``) that are prices because of a cue (`до`, `не дороже`, `от … до`, `около`,
/// `за`) or a currency word, sizes (`сорок шестого размера`) and quantities with units
/// (`сто двадцать восемь гигабайт` → `128 гб`); the order; colours, brands (``BrandMatcher``) and
/// model words. Digits the shopper said as digits stay as written (`001234`); spelled-out numbers
/// become digits (`айфон пятнадцать` → `iphone 15`).
///
/// Currencies: a rouble word without a country means the catalog's rouble (``Vocabulary/currencies``:
/// BYN in a Belarusian shop, RUB in a Russian one, the query's language when it has both).
///
/// Never fails: empty or nonsense input gives a query with empty text. At most
/// ``maximumLength`` characters and ``maximumWords`` distinct words are read.
public final class QueryParser: Sendable {
    private let vocabulary: any Vocabulary
    private let brands: BrandMatcher
    private let numbers: [Language: SpokenNumberParser]
    private let knownWords: Set<String>
    private let normalizer = TextNormalizer(language: .other)

    /// The longest query read, in characters; the rest is ignored.
    public static let maximumLength = 500
    /// The most words read; a longer query keeps its first distinct words.
    public static let maximumWords = 40

    /// Creates a parser for a catalog.
    ///
    /// - Throws: ``ICUError`` when ICU lacks the spell-out rules of Russian or Belarusian.
    public init(vocabulary: any Vocabulary) throws {
        self.vocabulary = vocabulary
        brands = BrandMatcher(vendors: vocabulary.vendors, titleBrands: vocabulary.titleBrands)
        numbers = [.ru: try SpokenNumberParser(language: .ru), .be: try SpokenNumberParser(language: .be)]
        var known = Lexicon.fillers.union(Lexicon.functionWords)
        for (phrase, _) in Lexicon.intents { known.formUnion(phrase) }
        for phrase in Lexicon.maximumCues + Lexicon.minimumCues + Lexicon.inStock { known.formUnion(phrase) }
        knownWords = known.union(Lexicon.currencyWords.keys)
    }

    /// Parses `text`.
    public func parse(_ text: String) -> VoiceQuery {
        var words = self.words(String(text.prefix(Self.maximumLength)))
        words = repairLayout(words)
        let normalized = words.joined(separator: " ")
        var language = Self.frameLanguage(words) ?? LanguageDetector().detect(normalized)
        if language == .other { language = .ru }
        var query = VoiceQuery(language: language, normalized: normalized)
        var used = [Bool](repeating: false, count: words.count)
        var replacements: [Int: VoiceQuery.Word] = [:]

        dropWakeWords(words, &used)
        if let (range, intent) = Self.find(Lexicon.intents.map { ($0.phrase, $0.intent) }, in: words, used: used) {
            query.intent = intent
            for index in range { used[index] = true }
            // «есть ли в наличии …», «ці ёсць у наяўнасці …»: a question about stock wants stock.
            if intent == .availability, range.contains(where: { ["наличии", "наяўнасці"].contains(words[$0]) }) {
                query.filters.available = true
            }
        } else if let (question, verdict) = Self.recommendation(in: words) {
            // «какой пылесос лучше выбрать», «які чайнік лепш»: the question word and the verdict apart.
            query.intent = .recommend
            used[question] = true
            used[verdict] = true
        }
        if let (range, _) = Self.find(Lexicon.inStock.map { ($0, true) }, in: words, used: used) {
            query.filters.available = true
            for index in range { used[index] = true }
        }
        if let (range, _) = Self.find(Lexicon.discounted.map { ($0, true) }, in: words, used: used) {
            query.filters.discount = true
            for index in range { used[index] = true }
        }
        readNumbers(words, &used, &replacements, &query)
        if let (range, sort) = Self.find(Lexicon.sorts.map { ($0.phrase, $0.sort) }, in: words, used: used),
            !isPartOfAName(range, words, used: used, numbers: replacements.values.map(\.role))
        {
            query.sort = sort
            for index in range { used[index] = true }
        } else if query.intent == .recommend {
            query.sort = .rating  // "which is best": the best rated first
        }
        query.words = labelledWords(words, used: used, replacements: replacements, &query)
        query.text = query.words.map(\.text).joined(separator: " ")
        return query
    }

    // MARK: - Steps

    /// The words left after the constraints, each with what it is; fillers and function words dropped.
    private func labelledWords(
        _ words: [String], used: [Bool], replacements: [Int: VoiceQuery.Word], _ query: inout VoiceQuery
    ) -> [VoiceQuery.Word] {
        var result: [VoiceQuery.Word] = []
        var seen: Set<String> = []
        var joined: Set<Int> = []
        // A word said twice counts once («телевизор, ну, телевизор»); numbers and codes may repeat, as
        // they do in model names («rtx 4080 … gv n 4080 aorusx»).
        func append(_ word: VoiceQuery.Word) {
            guard seen.insert(word.text).inserted || Self.hasDigit(word.text) else { return }
            result.append(word)
        }
        for (index, word) in words.enumerated() {
            if let replacement = replacements[index] {
                append(replacement)
                continue
            }
            if used[index] || joined.contains(index) { continue }
            if Lexicon.fillers.contains(word) || Lexicon.functionWords.contains(word) || Lexicon.isHesitation(word) {
                continue
            }
            // A brand said in two words («эл джи»).
            if index + 1 < words.count, !used[index + 1], replacements[index + 1] == nil,
                let vendor = brands.vendor(
                    for: word + words[index + 1],
                    guessing: !vocabulary.knows(word) || !vocabulary.knows(words[index + 1]))
            {
                if !query.filters.vendor.contains(vendor) { query.filters.vendor.append(vendor) }
                append(.init(text: word + " " + words[index + 1], role: .brand))
                joined.insert(index + 1)
                continue
            }
            if let colour = Self.colour(word) {
                if !query.filters.color.contains(colour) { query.filters.color.append(colour) }
                append(.init(text: word, role: .color))
                continue
            }
            if let vendor = brands.vendor(
                for: word,
                guessing: Self.isLatinWord(word) || !vocabulary.knows(word) || Self.follows(brandCue, index, words))
            {
                if !query.filters.vendor.contains(vendor) { query.filters.vendor.append(vendor) }
                if let model = Lexicon.modelWords[word] {
                    append(.init(text: model, role: .model))
                } else {
                    append(.init(text: word, role: .brand))
                }
                continue
            }
            if let model = Lexicon.modelWords[word], Self.isModelContext(previous: result.last?.text, word: word) {
                append(.init(text: model, role: .model))
                continue
            }
            append(.init(text: word, role: Self.hasDigit(word) ? .code : .product))
        }
        return result
    }

    /// The language of the words around the product — frame, fillers, cues, sorts — when they lean
    /// one way: a Belarusian question about a product with a Russian name is Belarusian
    /// («колькі каштуе смеситель …»).
    static func frameLanguage(_ words: [String]) -> Language? {
        var belarusian = 0
        var russian = 0
        for word in words {
            if Lexicon.belarusianMarkers.contains(word)
                || Lexicon.belarusianMarkerPrefixes.contains(where: word.hasPrefix)
            {
                belarusian += 1
            } else if Lexicon.russianMarkers.contains(word)
                || Lexicon.russianMarkerPrefixes.contains(where: word.hasPrefix)
            {
                russian += 1
            }
        }
        if belarusian > russian { return .be }
        if russian > belarusian { return .ru }
        return nil
    }

    /// Whether a one-word order («недорогой», «новый») is a word of the catalog's titles in a query
    /// that names a model by a code («смартфон недорогой хонор a 2400»): then it is part of the
    /// product's name, not a request to sort.
    private func isPartOfAName(
        _ range: Range<Int>, _ words: [String], used: [Bool], numbers: [VoiceQuery.Word.Role]
    ) -> Bool {
        guard range.count == 1, vocabulary.knows(words[range.lowerBound]) else { return false }
        return numbers.contains { $0 == .code || $0 == .number }
            || words.indices.contains { !used[$0] && !range.contains($0) && Self.hasDigit(words[$0]) }
    }

    /// Words that announce a brand: «марки X», «фирмы X», «от X», «бренда X».
    private let brandCue: Set<String> = ["марки", "фирмы", "бренда", "производителя", "маркі", "фірмы", "брэнда"]

    /// Whether the word before `index` is one of `cues`.
    private static func follows(_ cues: Set<String>, _ index: Int, _ words: [String]) -> Bool {
        index > 0 && cues.contains(words[index - 1])
    }

    /// Normalized words (as the index normalizes text, with `ё` as `е` for matching); punctuation
    /// other than inner apostrophes, hyphens and decimal marks dropped; at most ``maximumWords``.
    func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        func flush() {
            let trimmed = current.trimmingCharacters(in: CharacterSet(charactersIn: "-'"))
            if !trimmed.isEmpty && words.count < Self.maximumWords { words.append(trimmed) }
            current = ""
        }
        for character in normalizer.normalize(text) {
            if character.isLetter || character.isNumber {
                current.append(character == "ё" ? "е" : character)
            } else if character == "'" {
                current.append("'")
            } else if character == "-" || character == "," || character == ".", !current.isEmpty,
                current.last?.isNumber == true || character == "-"
            {
                current.append(character == "-" ? "-" : ",")
            } else if character == "₽" {
                flush()
                if words.count < Self.maximumWords { words.append("₽") }
            } else {
                flush()
            }
        }
        flush()
        return words.map { $0.hasSuffix(",") ? String($0.dropLast()) : $0 }
    }

    /// Latin words typed with the Russian layout by mistake, made Cyrillic.
    ///
    /// When most Latin words of the query read as known Cyrillic words in the other layout, the
    /// whole query was typed that way and every convertible Latin word is converted; otherwise only
    /// words the catalog does not know and whose conversion it knows (or that have no vowel).
    private func repairLayout(_ words: [String]) -> [String] {
        let latin = words.indices.filter { Self.isLatinWord(words[$0]) }
        guard !latin.isEmpty else { return words }
        let converted = Dictionary(
            uniqueKeysWithValues: latin.compactMap { index in convert(words[index]).map { (index, $0) } })
        // Evidence of a wrong layout: a Latin word the catalog does not have whose other reading it has.
        let readable = latin.filter { index in
            guard let cyrillic = converted[index], !vocabulary.knows(words[index]),
                brands.vendor(for: words[index]) == nil
            else { return false }
            return knownWords.contains(cyrillic) || (cyrillic.count >= 3 && vocabulary.knows(cyrillic))
        }
        let wholeQuery = readable.count * 2 > latin.count && latin.count >= 2
        var result = words
        for index in latin {
            guard let cyrillic = converted[index] else { continue }
            let word = words[index]
            if wholeQuery {
                if !vocabulary.knows(word) && brands.vendor(for: word) == nil { result[index] = cyrillic }
                continue
            }
            guard !vocabulary.knows(word), brands.vendor(for: word) == nil else { continue }
            // A short Latin word beside digits is part of a code («lres 3002 pf», «scrcc 175»).
            let besideDigits = [index - 1, index + 1].contains {
                words.indices.contains($0) && Self.hasDigit(words[$0])
            }
            if word.count <= 5 && besideDigits { continue }
            // A Latin word without vowels is no word at all: take the conversion even if unknown.
            let hasVowel = word.contains { "aeiouy".contains($0) }
            if !hasVowel && word.count >= 4 || readable.contains(index) { result[index] = cyrillic }
        }
        return result
    }

    /// The Cyrillic reading of a Latin word in the Russian layout, if every letter has one.
    private func convert(_ word: String) -> String? {
        let converted = KeyboardLayout.convert(word, from: .english, to: .russian).lowercased()
            .replacingOccurrences(of: "ё", with: "е")
        return converted.unicodeScalars.allSatisfy(Self.isCyrillic) ? converted : nil
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
            for phrase in Lexicon.wakePhrases.sorted(by: { $0.count > $1.count })
            where start + phrase.count <= words.count {
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
    /// other numbers become digits in the text (digits said as digits stay as written).
    private func readNumbers(
        _ words: [String], _ used: inout [Bool], _ replacements: inout [Int: VoiceQuery.Word],
        _ query: inout VoiceQuery
    ) {
        guard let parser = numbers[query.language] ?? numbers[.ru] else { return }
        let found = Self.joiningDigitGroups(parser.numbers(in: words), words: words)
        var price = query.filters.price ?? VoiceQuery.PriceRange()
        var hasPrice = false
        var spokenCurrency: String??
        for number in found {
            let span = number.range
            if span.contains(where: { used[$0] }) { continue }
            // A currency word right after.
            var end = span.upperBound
            var currency: String??
            let cue = Self.cue(before: span.lowerBound, in: words, used: used)
            if end < words.count, let code = Lexicon.currencyWords[words[end]],
                cue != nil || !Self.isSizeAbbreviation(at: end, in: words)
            {
                currency = code
                end += 1
                if end < words.count, ["руб", "рублей", "рублеу", "рублеў", "рубля"].contains(words[end]) { end += 1 }
            }
            let isCode = span.count == 1 && Self.isVerbatimCode(words[span.lowerBound])
            // «до 27 м²»: a number with a unit is a feature even after a cue.
            let unitFollows = currency == nil && end < words.count && Self.unit(of: words[end]) != nil
            if (cue != nil || currency != nil) && !unitFollows && !words[span.lowerBound].hasPrefix("0") {
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
                replacements[span.lowerBound] = .init(text: Self.digits(number.value), role: .size)
                continue
            }
            if end < words.count, let unit = Self.unit(of: words[end]) {
                let quantity = "\(Self.digits(number.value)) \(unit)"
                query.filters.units.append(quantity)
                for index in span.lowerBound...end { used[index] = true }
                replacements[span.lowerBound] = .init(text: quantity, role: .unit)
                continue
            }
            for index in span { used[index] = true }
            // Digits stay as the shopper wrote them (`001234`); words become digits.
            let written = span.count == 1 && Self.hasDigit(words[span.lowerBound])
            replacements[span.lowerBound] = .init(
                text: written ? words[span.lowerBound] : Self.digits(number.value), role: isCode ? .code : .number)
        }
        guard hasPrice else { return }
        // "от двух до пяти тысяч": the scale word of the upper bound applies to the lower one too.
        if let min = price.min, let max = price.max, min > 0, min < 1_000, max >= 1_000, min * 1_000 <= max {
            price.min = min * 1_000
        }
        if let min = price.min, let max = price.max, min > max { price = .init(min: max, max: min) }
        switch spokenCurrency {
        case .some(.some(let code)): price.currency = code
        case .some(.none): price.currency = rouble(for: query.language)
        case .none: price.currency = defaultCurrency(for: query.language)
        }
        query.filters.price = price
    }

    /// The rouble a shopper means by «рублей»: the catalog's own (BYN in a Belarusian shop, RUB in a
    /// Russian one); with both or neither, the query language's.
    private func rouble(for language: Language) -> String {
        let roubles = vocabulary.currencies.filter { $0 == "RUB" || $0 == "BYN" }
        if roubles.count == 1, let only = roubles.first { return only }
        return language == .be ? "BYN" : "RUB"
    }

    /// The currency of a price said without one: the catalog's main currency, else the language's rouble.
    private func defaultCurrency(for language: Language) -> String {
        let currencies = vocabulary.currencies
        if currencies.contains("RUB") && currencies.contains("BYN") { return language == .be ? "BYN" : "RUB" }
        return currencies.first ?? rouble(for: language)
    }

    /// Whether the `р` at `index` abbreviates «размер» rather than roubles: a number follows it
    /// («костюм 4010 к-18-26 (р.98-52)», said «26 р 98-52»), and no price cue came before.
    static func isSizeAbbreviation(at index: Int, in words: [String]) -> Bool {
        words[index] == "р" && index + 1 < words.count && hasDigit(words[index + 1])
    }

    /// `30 000`: a number of one to three digits followed by groups of exactly three digits, read
    /// as one number when a currency word or a price cue makes it a price.
    static func joiningDigitGroups(_ found: [SpokenNumber], words: [String]) -> [SpokenNumber] {
        var result: [SpokenNumber] = []
        var index = 0
        while index < found.count {
            var number = found[index]
            let first = words[number.range.lowerBound]
            if number.range.count == 1, (1...3).contains(first.count), first.allSatisfy(\.isASCIIDigitLike) {
                var next = index + 1
                var value = number.value
                var end = number.range.upperBound
                while next < found.count, found[next].range.lowerBound == end, found[next].range.count == 1,
                    words[end].count == 3, words[end].allSatisfy(\.isASCIIDigitLike)
                {
                    value = value * 1_000 + found[next].value
                    end += 1
                    next += 1
                }
                let followedByMoney = end < words.count && Lexicon.currencyWords[words[end]] != nil
                if next > index + 1 && followedByMoney {
                    number = SpokenNumber(value: value, range: number.range.lowerBound..<end)
                    index = next
                    result.append(number)
                    continue
                }
            }
            result.append(number)
            index += 1
        }
        return result
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
    package static func colour(_ word: String) -> String? {
        guard let candidates = Lexicon.coloursByStart[String(word.prefix(3))],
            !Lexicon.colourFalseFriends.contains(word)
        else { return nil }
        for (prefix, name) in candidates where word.hasPrefix(prefix) && word.count <= prefix.count + 4 {
            // `сер` and `бел` are short: only adjective endings follow them.
            if prefix.count <= 3,
                !Self.adjectiveEndings.contains(String(word.dropFirst(prefix.count)))
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

    /// Adjective endings of ru and be colour words (`сер|ый`, `бел|ая`, `шэр|ыя`, `сін|і`).
    private static let adjectiveEndings: Set<String> = [
        "ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ую", "юю", "ой", "ей", "ом", "ем", "ых", "их",
        "ым", "им", "ыми", "ими", "ы", "ага", "яга", "ай", "ае", "ыя", "ія", "і",
    ]

    /// The unit a word after a number names, as titles write it (`гигабайт` → `гб`, `м²`).
    static func unit(of word: String) -> String? {
        if Lexicon.shortUnits.contains(word) { return word == "м2" ? "м²" : word }
        return Lexicon.units.first(where: { word.hasPrefix($0.prefix) })?.unit
    }

    /// A code said as written: digits with a leading zero, or long enough to be an article or barcode.
    static func isVerbatimCode(_ word: String) -> Bool {
        word.allSatisfy(\.isASCIIDigitLike) && ((word.count > 1 && word.hasPrefix("0")) || word.count >= 7)
    }

    private static func hasDigit(_ word: String) -> Bool { word.contains { $0.isASCIIDigitLike } }

    private static func isLatinWord(_ word: String) -> Bool {
        word.unicodeScalars.contains(where: { ("a"..."z").contains($0) })
            && !word.unicodeScalars.contains(where: isCyrillic)
    }

    private static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { (0x0400...0x04FF).contains(scalar.value) }

    /// A number as digits: `15`, `2.5`.
    static func digits(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

extension Character {
    /// `0`–`9`.
    fileprivate var isASCIIDigitLike: Bool { asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
}
