import Foundation
import VitrinaModel
import VitrinaText

/// Tells the tonality of Russian and Belarusian texts: lexicon evidence (stems, phrases,
/// negation scope, intensifiers, contrast, emoji) fed with stem and bigram features to a
/// ``TonalityModel``.
///
/// One analyzer per thread: it caches what it learned about each word. The lexicon and model
/// are immutable and may be shared.
///
/// ```swift
/// let analyzer = TonalityAnalyzer()
/// analyzer.tonality(of: "Не пришёл заказ, верните деньги").label  // .negative
/// ```
public final class TonalityAnalyzer {
    /// The lexicon in use.
    public let lexicon: Lexicon
    /// The model in use; without one the lexicon's balance decides.
    public let model: TonalityModel?
    /// The topics words are matched against (for reports).
    public let topics: TopicCatalog

    /// What the analyzer knows about a word in one language.
    struct WordInfo {
        enum Role: UInt8 {
            case plain, negator, intensifier, contrast, concession
        }
        var stem: String
        var stemHash: UInt64
        /// The word's feature outside and inside a negation scope.
        var unigram: UInt64
        var negated: UInt64
        var role: Role
        var roleValue: Float
        var entry: Lexicon.Entry?
        var phrases: [Lexicon.Phrase]
        /// The word's bytes, in ``WordCache/bytes``.
        var start: Int
        var end: Int
        /// The ``TopicCatalog`` topic the word names, or −1.
        var topic: Int16 = -1
        /// Whether the word may name a topic nobody listed: a content word (not a function word,
        /// not a lexicon word, letters only, a stem of four letters or more).
        var content = false
        /// A key shared by the Russian and Belarusian spellings of one stem («доставк»,
        /// «дастаўк»), for merging discovered topics.
        var fold: UInt64 = 0
    }

    /// Known words of one language, keyed by a hash of their lowercased UTF-8 bytes.
    struct WordCache {
        var slots = HashSlots(capacity: 1 << 14)
        var infos: [WordInfo] = []
        var bytes: [UInt8] = []
    }

    /// The features and lexicon totals of one text.
    struct Extraction {
        var hashes: [UInt64] = []
        var values: [Float] = []
        var names: [String]?
        var positive: Float = 0
        var negative: Float = 0
        var complaints = 0
        var language: Language = .ru
        var words = 0
    }

    /// Training only: the share of lexicon hits left out at random, so a model learns what partial
    /// lexicon coverage looks like (real texts use many words no lexicon has).
    var dropout: Float = 0
    private var dropoutGenerator = SplitMix(seed: 7)
    private var caches = [WordCache(), WordCache()]
    private var scanner = TextScanner()
    /// Rows in ``caches`` of the words of the text being read, one per word piece.
    private var wordRows: [Int32] = []
    private var extraction = Extraction()
    private let detector = LanguageDetector(fallback: .ru)
    private let stemmers: [any Stemmer] = [RussianStemmer(), BelarusianStemmer()]
    private let tables: [Lexicon.Table]
    private static let cacheLimit = 300_000
    private static let xFeatures: [String: UInt64] = Dictionary(
        uniqueKeysWithValues: [
            "bias", "pos", "neg", "balance", "none", "emo+", "emo-", "complaint", "question",
            "exclaim", "last", "length",
        ].map { ($0, FeatureHash.unary(UInt8(ascii: "x"), FeatureHash.of($0))) })

    /// Creates an analyzer.
    ///
    /// - Parameters:
    ///   - lexicon: The lexicon (the shipped one by default).
    ///   - model: The model (the shipped one by default); `nil` decides by the lexicon alone.
    ///   - topics: The topic catalog reports use (the shipped one by default).
    public init(lexicon: Lexicon = .standard, model: TonalityModel? = .standard, topics: TopicCatalog = .standard) {
        self.lexicon = lexicon
        self.model = model
        self.topics = topics
        tables = [lexicon.tables[.ru] ?? Lexicon.Table(), lexicon.tables[.be] ?? Lexicon.Table()]
    }

    /// The tonality of `text`; an empty or blank text is neutral with score 0.
    ///
    /// - Parameters:
    ///   - text: A review, post, comment or sentence.
    ///   - language: `ru` or `be`; detected from the text when `nil` (anything else reads as `ru`).
    /// - Returns: The label and the score P(positive) − P(negative).
    public func tonality(of text: String, language: Language? = nil) -> TonalityResult {
        extract(text, language: language, names: false)
        if extraction.words == 0 && extraction.positive == 0 && extraction.negative == 0 { return .empty }
        return decide()
    }

    /// The tonality of each sentence of `text`, with the sentence's range.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - language: As in ``tonality(of:language:)``; detected once for the whole text.
    /// - Returns: One entry per non-blank sentence, in order.
    public func sentences(of text: String, language: Language? = nil) -> [SentenceTonality] {
        let language = language ?? detect(text)
        return SentenceSplitter.ranges(of: text).compactMap { range in
            let sentence = String(text[range])
            guard sentence.contains(where: { $0.isLetter || $0.isPunctuation || $0.isSymbol }) else { return nil }
            return SentenceTonality(range: range, text: sentence, tonality: tonality(of: sentence, language: language))
        }
    }

    /// The detected language, as tonality reads it: `be` or `ru`.
    public func detect(_ text: String) -> Language {
        scanner.scan(text, emoji: lexicon.emoji)
        return scannedLanguage(text)
    }

    /// `be` when the scanned text has more letters only Belarusian uses than letters only Russian
    /// uses; the full language detector decides a text with neither.
    private func scannedLanguage(_ text: String) -> Language {
        if scanner.belarusianLetters > scanner.russianLetters { return .be }
        if scanner.russianLetters > 0 { return .ru }
        return detector.detect(text) == .be ? .be : .ru
    }

    private func decide() -> TonalityResult {
        guard let model else {
            let balance = extraction.positive - extraction.negative
            let score = Double(tanh(balance / 2.5))
            return TonalityResult(label: score > 0.25 ? .positive : score < -0.25 ? .negative : .neutral, score: score)
        }
        let (negative, neutral, positive) = model.probabilities(hashes: extraction.hashes, values: extraction.values)
        let label: TonalityResult.Label =
            positive >= neutral && positive >= negative ? .positive : negative >= neutral ? .negative : .neutral
        return TonalityResult(label: label, score: (Double(positive - negative) * 1000).rounded() / 1000)
    }

    /// The feature vector of `text` (for training), with feature names.
    func features(of text: String, language: Language?) -> Extraction {
        extract(text, language: language, names: true)
        return extraction
    }

    // MARK: - Extraction

    /// The cache row of the word piece `piece` in language number `language` (0 ru, 1 be).
    private func row(_ piece: TextScanner.Piece, _ language: Int) -> Int32 {
        let start = Int(piece.start)
        let end = Int(piece.end)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        scanner.words.withUnsafeBufferPointer { words in
            for index in start..<end { hash = (hash ^ UInt64(words[index])) &* 0x0000_0100_0000_01B3 }
        }
        var probe = hash
        while let row = caches[language].slots.row(probe) {
            let info = caches[language].infos[Int(row)]
            if info.end - info.start == end - start
                && caches[language].bytes[info.start..<info.end].elementsEqual(scanner.words[start..<end])
            {
                return row
            }
            // Two words with one hash: probe the next key.
            probe = FeatureHash.mix(probe)
        }
        let word = String(decoding: scanner.words[start..<end], as: UTF8.self)
        let info = makeInfo(word, language, bytesStart: caches[language].bytes.count)
        caches[language].bytes.append(contentsOf: scanner.words[start..<end])
        let row = Int32(caches[language].infos.count)
        caches[language].infos.append(info)
        caches[language].slots.set(probe, row)
        return row
    }

    private func makeInfo(_ word: String, _ language: Int, bytesStart: Int) -> WordInfo {
        let table = tables[language]
        let stem = stemmers[language].stem(word)
        let stemHash = FeatureHash.of(stem)
        var info = WordInfo(
            stem: stem, stemHash: stemHash, unigram: FeatureHash.unary(UInt8(ascii: "u"), stemHash),
            negated: FeatureHash.unary(UInt8(ascii: "n"), stemHash), role: .plain, roleValue: 0,
            entry: table.words[stem], phrases: table.phrases[stem] ?? [], start: bytesStart,
            end: bytesStart + word.utf8.count)
        if let dangling = table.negators[word] {
            info.role = .negator
            info.roleValue = dangling
        } else if let factor = table.intensifiers[word] {
            info.role = .intensifier
            info.roleValue = factor
        } else if table.contrast.contains(word) {
            info.role = .contrast
        } else if table.concession.contains(word) {
            info.role = .concession
        }
        if info.entry == nil && info.role == .plain {
            // Mixed texts: a word the other language's lexicon knows still counts.
            let other = 1 - language
            info.entry = tables[other].words[stemmers[other].stem(word)]
        }
        let language = language == 1 ? Language.be : .ru
        info.topic = topics.topic(ofStem: stem, language: language).map { Int16($0) } ?? -1
        info.content =
            info.entry == nil && info.role == .plain && stem.count >= 4
            && !StopWords.list(for: language).contains(word) && word.unicodeScalars.allSatisfy { $0.value >= 0x61 }
            && info.phrases.isEmpty && !topics.isGeneric(stem) && !TopicCatalog.looksLikeVerb(word)
        info.fold = FeatureHash.of(Self.crossLanguageKey(stem))
        return info
    }

    /// A spelling key shared by Russian and Belarusian cognates: і→и, ў→в, э→е, о→а, ы→и, ь and ' dropped.
    static func crossLanguageKey(_ stem: String) -> String {
        var key = String.UnicodeScalarView()
        for scalar in stem.unicodeScalars {
            switch scalar {
            case "і", "ы": key.append("и")
            case "ў": key.append("в")
            case "э": key.append("е")
            case "о": key.append("а")
            case "ь", "ъ", "'": continue
            default: key.append(scalar)
            }
        }
        return String(key)
    }

    /// One word of a text, as reports read it.
    struct WordView {
        var stem: String
        var stemHash: UInt64
        var topic: Int
        var content: Bool
        var fold: UInt64
        /// UTF-8 byte range in the text.
        var range: Range<Int>
        /// The sentence number (0-based) the word is in.
        var sentence: Int
    }

    /// Calls `body` for every word of `text` with what the caches know about it; returns the
    /// language the text was read in.
    func forEachWord(of text: String, language requested: Language?, _ body: (WordView) -> Void) -> Language {
        trimCaches()
        scanner.scan(text, emoji: lexicon.emoji)
        let language: Language =
            requested == .be ? .be : requested == .ru ? .ru : requested == nil ? scannedLanguage(text) : .ru
        let number = language == .be ? 1 : 0
        var sentence = 0
        for piece in scanner.pieces {
            switch piece.kind {
            case .word:
                let info = caches[number].infos[Int(row(piece, number))]
                body(
                    WordView(
                        stem: info.stem, stemHash: info.stemHash, topic: Int(info.topic), content: info.content,
                        fold: info.fold, range: Int(piece.sourceStart)..<Int(piece.sourceEnd), sentence: sentence))
            case .sentenceBreak: sentence += 1
            default: break
            }
        }
        return language
    }

    private func nextWordIsScored(after position: Int) -> Bool {
        guard position + 1 < wordRows.count, wordRows[position + 1] >= 0 else { return false }
        let info = caches[currentLanguage].infos[Int(wordRows[position + 1])]
        return info.entry != nil || !info.phrases.isEmpty
    }

    private var currentLanguage = 0

    @inline(__always)
    private func add(_ hash: UInt64, _ value: Float, _ name: @autoclosure () -> String) {
        extraction.hashes.append(hash)
        extraction.values.append(value)
        if extraction.names != nil { extraction.names?.append(name()) }
    }

    @inline(__always)
    private func addX(_ name: String, _ value: Float) {
        add(Self.xFeatures[name] ?? 0, value, "x:" + name)
    }

    /// Forgets the words of a language whose cache is full; only between texts, since rows of the
    /// text being read must stay valid.
    private func trimCaches() {
        for number in caches.indices where caches[number].infos.count >= Self.cacheLimit {
            caches[number] = WordCache()
        }
    }

    private func extract(_ text: String, language requested: Language?, names: Bool) {
        trimCaches()
        scanner.scan(text, emoji: lexicon.emoji)
        let language: Language =
            requested == .be ? .be : requested == .ru ? .ru : requested == nil ? scannedLanguage(text) : .ru
        currentLanguage = language == .be ? 1 : 0
        extraction.hashes.removeAll(keepingCapacity: true)
        extraction.values.removeAll(keepingCapacity: true)
        extraction.names = names ? [] : nil
        extraction.positive = 0
        extraction.negative = 0
        extraction.complaints = 0
        extraction.words = 0
        extraction.language = language
        let pieces = scanner.pieces
        wordRows.removeAll(keepingCapacity: true)
        for piece in pieces { wordRows.append(piece.kind == .word ? row(piece, currentLanguage) : -1) }

        var sentencePositive: Float = 0
        var sentenceNegative: Float = 0
        var clauseWeight: Float = 1
        var boost: Float = 1
        var afterConcession = false
        var negationLeft = 0
        var negationDangling: Float = 0
        var downtoned = false
        var intensity: Float = 1
        var intensityLeft = 0
        var previousWord: UInt64 = 0
        var hasPrevious = false
        var previousName = ""
        var emoticonsPositive: Float = 0
        var emoticonsNegative: Float = 0
        var questions = 0
        var exclamations = 0
        var lastSentence: Float = 0
        var skip = 0

        func contribute(_ score: Float) {
            if dropout > 0, Float(dropoutGenerator.next() % 1000) / 1000 < dropout { return }
            let weighted = score * clauseWeight * boost
            if weighted > 0 { sentencePositive += weighted } else { sentenceNegative -= weighted }
        }
        func endNegation() {
            // «качество не очень»: a toned-down negation with nothing after it is mildly negative.
            if negationLeft > 0 && downtoned { contribute(-1) }
            if negationLeft > 0 && negationDangling != 0 { contribute(negationDangling) }
            negationLeft = 0
            negationDangling = 0
            downtoned = false
        }
        func endClause() {
            endNegation()
            intensityLeft = 0
            intensity = 1
            hasPrevious = false
            clauseWeight = afterConcession ? 1.3 : 1
            afterConcession = false
        }

        for position in pieces.indices {
            let piece = pieces[position]
            switch piece.kind {
            case .word:
                extraction.words += 1
                if skip > 0 {
                    skip -= 1
                    continue
                }
                let word = caches[currentLanguage].infos[Int(wordRows[position])]
                add(negationLeft > 0 ? word.negated : word.unigram, 1, (negationLeft > 0 ? "n:" : "u:") + word.stem)
                if hasPrevious {
                    add(FeatureHash.pair(previousWord, word.stemHash), 1, "b:" + previousName + "|" + word.stem)
                }
                previousWord = word.stemHash
                hasPrevious = true
                if names { previousName = word.stem }
                // A phrase starting here wins over the word's own role and score.
                var phraseEntry: Lexicon.Entry?
                for phrase in word.phrases {
                    var matched = true
                    var cursor = position + 1
                    for stem in phrase.restHashes {
                        guard cursor < pieces.count, wordRows[cursor] >= 0,
                            caches[currentLanguage].infos[Int(wordRows[cursor])].stemHash == stem
                        else {
                            matched = false
                            break
                        }
                        cursor += 1
                    }
                    if matched {
                        phraseEntry = phrase.entry
                        skip = phrase.rest.count
                        break
                    }
                }
                if phraseEntry == nil {
                    switch word.role {
                    case .negator:
                        endNegation()
                        negationLeft = 3
                        negationDangling = word.roleValue
                        continue
                    case .intensifier:
                        // «ужасно удобный»: an intensifier before a scored word; «ужасно!» alone: a score.
                        if word.entry != nil, !nextWordIsScored(after: position) { break }
                        if negationLeft > 0 && word.roleValue > 1 { downtoned = true }
                        intensity *= word.roleValue
                        intensityLeft = 2
                        continue
                    case .contrast:
                        sentencePositive *= 0.5
                        sentenceNegative *= 0.5
                        boost = 1.5
                        endClause()
                        continue
                    case .concession:
                        clauseWeight = 0.5
                        afterConcession = true
                        continue
                    case .plain: break
                    }
                }
                guard let entry = phraseEntry ?? word.entry else {
                    if negationLeft > 0 {
                        negationLeft -= 1
                        if negationLeft == 0 { endNegation() }
                    }
                    if intensityLeft > 0 {
                        intensityLeft -= 1
                        if intensityLeft == 0 { intensity = 1 }
                    }
                    continue
                }
                var score = entry.score * (piece.flags & TextScanner.Piece.elongated != 0 ? 1.3 : 1)
                if entry.complaint { extraction.complaints += 1 }
                if negationLeft > 0 && phraseEntry == nil {
                    if downtoned {
                        score = score > 0 ? -0.5 * score : -0.3 * score
                    } else {
                        score = score > 0 ? -0.9 * score * intensity : -0.5 * score
                    }
                    negationLeft = 0
                    negationDangling = 0
                    downtoned = false
                } else {
                    score *= intensity
                }
                intensity = 1
                intensityLeft = 0
                contribute(score)
            case .emoticon:
                if piece.value > 0 { emoticonsPositive += piece.value } else { emoticonsNegative -= piece.value }
                contribute(piece.value)
            case .clauseBreak:
                endClause()
            case .sentenceBreak:
                endClause()
                if piece.flags & TextScanner.Piece.exclamation != 0 {
                    exclamations += 1
                    sentencePositive *= 1.2
                    sentenceNegative *= 1.2
                }
                if piece.flags & TextScanner.Piece.question != 0 { questions += 1 }
                if sentencePositive != 0 || sentenceNegative != 0 { lastSentence = sentencePositive - sentenceNegative }
                extraction.positive += sentencePositive
                extraction.negative += sentenceNegative
                sentencePositive = 0
                sentenceNegative = 0
                boost = 1
                clauseWeight = 1
                afterConcession = false
            }
        }
        let positive = extraction.positive
        let negative = extraction.negative
        addX("bias", 1)
        addX("pos", log1p(positive))
        addX("neg", log1p(negative))
        addX("balance", tanh((positive - negative) / 3))
        if positive == 0 && negative == 0 { addX("none", 1) }
        if emoticonsPositive > 0 { addX("emo+", min(emoticonsPositive, 3)) }
        if emoticonsNegative > 0 { addX("emo-", min(emoticonsNegative, 3)) }
        if extraction.complaints > 0 { addX("complaint", min(Float(extraction.complaints), 3)) }
        if questions > 0 { addX("question", 1) }
        if exclamations > 0 { addX("exclaim", 1) }
        if lastSentence != 0 { addX("last", max(-1, min(1, lastSentence / 3))) }
        addX("length", log1p(Float(extraction.words)) / 4)
    }
}

/// The tonality of one sentence of a text.
public struct SentenceTonality: Sendable {
    /// Where the sentence is in the text.
    public var range: Range<String.Index>
    /// The sentence.
    public var text: String
    /// Its tonality.
    public var tonality: TonalityResult
}
