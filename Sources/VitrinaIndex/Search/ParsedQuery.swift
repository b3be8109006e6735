import VitrinaText

/// A query text parsed into clauses: words, phrases and prefixes, each required, optional or
/// excluded.
///
/// Syntax (lenient: anything else is just words):
/// - `+word` must match, `-word` must not match, a plain word follows the request's mode
///   (a stop word such as `и`, `з`, `для` is never required unless written `+word`);
/// - `"два слова"` is a phrase: the words in this order, next to each other, in one field;
/// - `word*` matches terms starting with the word's normalized form (autocomplete);
/// - everything is analyzed like documents: a word is looked up as its Russian stem, its
///   Belarusian stem and its normalized form, since each product is analyzed in its own language,
///   and by its ``SoundKey`` (the `sounds` field holds the keys of Latin names), so `самсунг` finds
///   `Samsung` and `atlant` finds `Атлант`.
struct ParsedQuery {
    /// How a clause takes part in matching.
    enum Occur {
        case must, should, mustNot
    }

    /// One clause.
    struct Clause {
        /// Per word, the terms it may appear as.
        ///
        /// A word clause has one word; a phrase several.
        var words: [[String]]
        /// True for a phrase.
        var isPhrase: Bool
        /// The normalized prefix for `word*` clauses.
        var prefix: String?
        /// How it takes part.
        var occur: Occur
        /// Whether typo tolerance may expand this clause (words of letters only).
        var allowsTypos: Bool
        /// Terms of ``words`` that are sound keys: looked up as they are, never corrected.
        var soundKeys: Set<String> = []
    }

    var clauses: [Clause]

    private static let analyzers = [AnyAnalyzer(preset: .ru), AnyAnalyzer(preset: .be)]
    private static let normalizer = TextNormalizer(language: .other)

    init(_ text: String, mode: SearchRequest.Mode, synonyms: Synonyms? = nil) throws {
        var clauses: [Clause] = []
        for piece in Self.split(text) {
            var body = piece.text
            var occur: Occur = mode == .all ? .must : .should
            if !piece.quoted, body.hasPrefix("+") {
                occur = .must
                body.removeFirst()
            } else if !piece.quoted, body.hasPrefix("-"), body.count > 1 {
                occur = .mustNot
                body.removeFirst()
            }
            if piece.quoted {
                let words = try Self.words(body)
                if words.count == 1 {
                    clauses.append(Clause(words: words, isPhrase: false, prefix: nil, occur: occur, allowsTypos: false))
                } else if !words.isEmpty {
                    clauses.append(Clause(words: words, isPhrase: true, prefix: nil, occur: occur, allowsTypos: false))
                }
                continue
            }
            if body.hasSuffix("*"), body.count > 1 {
                let prefix = Self.normalizer.normalize(String(body.dropLast()))
                clauses.append(Clause(words: [[]], isPhrase: false, prefix: prefix, occur: occur, allowsTypos: false))
                continue
            }
            let explicit = piece.text.hasPrefix("+")
            for (var word, isPlainWord, key) in try Self.wordsWithKinds(body) {
                var keys: Set<String> = key.map { [$0] } ?? []
                // A word of a synonyms group matches the terms of the whole group.
                if let synonyms, let group = synonyms.group(of: word.filter { $0 != key }) {
                    word += synonyms.groupTerms[group].filter { !word.contains($0) }
                    word += synonyms.groupKeys[group].filter { !word.contains($0) }
                    keys.formUnion(synonyms.groupKeys[group])
                }
                // Stop words are not indexed in descriptions: never require them unless asked to.
                let isStopWord =
                    word.first.map { StopWords.russian.contains($0) || StopWords.belarusian.contains($0) } ?? false
                let wordOccur: Occur = occur == .must && isStopWord && !explicit ? .should : occur
                clauses.append(
                    Clause(
                        words: [word], isPhrase: false, prefix: nil, occur: wordOccur, allowsTypos: isPlainWord,
                        soundKeys: keys))
            }
        }
        self.clauses = clauses
    }

    /// Words of `text` (compound parts are not separate words); no sound keys, as phrases match
    /// words in order.
    private static func words(_ text: String) throws -> [[String]] {
        try wordsWithKinds(text).map { word in word.terms.filter { $0 != word.key } }
    }

    /// Words of `text`, each with its terms (the last may be its sound key), whether it is a plain
    /// letter word (typo tolerance never applies to numbers and model codes), and its sound key.
    static func wordsWithKinds(_ text: String) throws -> [(terms: [String], isPlainWord: Bool, key: String?)] {
        var byPosition: [Int: (terms: [String], isPlainWord: Bool, key: String?)] = [:]
        var order: [Int] = []
        for (index, analyzer) in analyzers.enumerated() {
            for token in try analyzer.analyze(text) where !token.flags.contains(.part) {
                if byPosition[token.position] == nil {
                    order.append(token.position)
                    byPosition[token.position] = ([], token.kind == .word && !token.flags.contains(.keyword), nil)
                }
                var entry = byPosition[token.position] ?? ([], false, nil)
                if index == 0 && !entry.terms.contains(token.normalized) { entry.terms.append(token.normalized) }
                if !entry.terms.contains(token.term) { entry.terms.append(token.term) }
                // A name said in the other script («самсунг») meets the catalog's spelling by its key.
                if index == 0, token.kind == .word, let key = SoundKey.key(token.normalized).map(SoundKey.term) {
                    entry.terms.append(key)
                    entry.key = key
                }
                byPosition[token.position] = entry
            }
        }
        return order.compactMap { byPosition[$0] }
    }

    /// Splits the text into quoted phrases and the unquoted runs between them.
    private static func split(_ text: String) -> [(text: String, quoted: Bool)] {
        var pieces: [(String, Bool)] = []
        var current = ""
        var quoted = false
        func flush() {
            if quoted {
                if !current.isEmpty { pieces.append((current, true)) }
            } else {
                for word in current.split(whereSeparator: \.isWhitespace) { pieces.append((String(word), false)) }
            }
            current = ""
        }
        for character in text {
            if character == "\"" || character == "«" || character == "»" {
                flush()
                quoted.toggle()
            } else {
                current.append(character)
            }
        }
        flush()
        return pieces
    }
}
