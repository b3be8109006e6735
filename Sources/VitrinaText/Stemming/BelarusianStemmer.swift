/// Vitrina's Belarusian stemmer: suffix stripping in the Snowball spirit, designed for
/// Belarusian morphology and measured against lemma data.
///
/// The algorithm is specified in `Docs/belarusian-stemmer.md`; in short:
/// 1. fold spelling variants: apostrophes to `'`, a Latin `i` typed for `і`, word-initial `ў` to
///    `у`, and the taraškievica soft sign of assimilated consonants (`сьвет` → `свет`,
///    `абсталяваньне` → `абсталяванне`);
/// 2. RV starts after the first vowel; a stem keeps at least three letters and never reaches
///    into the part before RV;
/// 3. remove a reflexive ending (`цца`, `ся`, `ца`) and remember it;
/// 4. remove a gerund ending (`учы ючы ачы ячы ўшы`), or else the longest allowed inflectional
///    ending (nouns, adjectives, verbs);
/// 5. remove a final `ь` inside RV;
/// 6. undo the alternation at the end of the stem: `дз` → `д`, `з` → `г` (`горадзе`/`горад`,
///    `дарозе`/`дарога`);
/// 7. reflexive words get the marker `ся` back, so `збірацца` and `збіраць` (different verbs)
///    keep different stems while all forms of each conflate.
///
/// Precondition: the word is lowercase (the analysis chain case-folds first).
///
/// ```swift
/// let stemmer = BelarusianStemmer()
/// stemmer.stem("тэлевізараў") == stemmer.stem("тэлевізары") // true
/// ```
public struct BelarusianStemmer: Stemmer {
    /// Creates the stemmer.
    public init() {}

    /// Returns the stem of a lowercase Belarusian word.
    public func stem(_ word: String) -> String {
        guard !word.isEmpty else { return word }
        return UTF16Buffer.transform(word) { buffer, count in
            var state = BelarusianStemmerState(word: buffer, limit: count)
            state.stem()
            return state.limit
        }
    }
}

/// The word being stemmed, in UTF-16 code units.
struct BelarusianStemmerState {
    /// The word; only `word[0..<limit]` is live.
    ///
    /// The buffer holds at least two spare units
    /// only when the word had them, so the reflexive marker is written within the original length.
    let word: UnsafeMutableBufferPointer<UInt16>
    /// The current end of the word.
    var limit: Int
    /// Start of RV: just after the first vowel.
    var pV: Int

    /// The fewest letters a stem keeps.
    static let minimumStem = 3

    init(word: UnsafeMutableBufferPointer<UInt16>, limit: Int) {
        self.word = word
        self.limit = limit
        self.pV = limit
    }

    /// Runs the steps in order.
    mutating func stem() {
        foldSpelling()
        markRegion()
        let floor = max(pV, Self.minimumStem)
        let reflexive = removeReflexive(floor: floor)
        if !remove(BelarusianSuffixes.gerund, floor: floor) {
            _ = remove(BelarusianSuffixes.inflection, floor: floor)
        }
        removeSoftSign()
        undoAlternation()
        if reflexive { appendReflexiveMarker() }
    }

    // MARK: - Step 1: spelling

    /// Folds apostrophe variants, Latin `i`, word-initial `ў` and the taraškievica soft sign.
    mutating func foldSpelling() {
        var output = 0
        for index in 0..<limit {
            var unit = word[index]
            switch unit {
            case 0x2019, 0x02BC, 0x2018, 0x0060: unit = BelarusianLetter.apostrophe
            case 0x0069: unit = BelarusianLetter.i  // Latin i typed for і
            case BelarusianLetter.shortU where output == 0: unit = BelarusianLetter.u
            case BelarusianLetter.softSign:
                // сьв → св, зьм → зм, ньн → нн …: the soft sign of an assimilated consonant.
                if output > 0, index + 1 < limit, BelarusianLetter.assimilating(word[output - 1]),
                    BelarusianLetter.isConsonant(word[index + 1])
                {
                    continue
                }
            default: break
            }
            word[output] = unit
            output += 1
        }
        limit = output
    }

    // MARK: - Step 2: region

    /// RV starts after the first vowel.
    mutating func markRegion() {
        for index in 0..<limit where BelarusianLetter.isVowel(word[index]) {
            pV = index + 1
            return
        }
        pV = limit
    }

    // MARK: - Step 3: reflexive

    /// Removes `цца`, `ся` or `ца`; true when one was removed.
    mutating func removeReflexive(floor: Int) -> Bool {
        remove(BelarusianSuffixes.reflexive, floor: floor)
    }

    // MARK: - Step 4: endings

    /// Removes the longest suffix of `table` that leaves a stem starting at or after `floor`.
    mutating func remove(_ table: SuffixTable, floor: Int) -> Bool {
        guard let match = table.longestMatch(in: word, end: limit, floor: floor) else { return false }
        limit -= match.length
        return true
    }

    // MARK: - Step 5: soft sign

    /// Removes a final `ь` inside RV.
    mutating func removeSoftSign() {
        if limit - 1 >= pV, word[limit - 1] == BelarusianLetter.softSign { limit -= 1 }
    }

    // MARK: - Step 6: alternations

    /// `дз` → `д`, else `з` → `г` at the end of the stem.
    mutating func undoAlternation() {
        guard limit >= 2, word[limit - 1] == BelarusianLetter.ze else { return }
        if word[limit - 2] == BelarusianLetter.de {
            limit -= 1
        } else {
            word[limit - 1] = BelarusianLetter.ge
        }
    }

    // MARK: - Step 7: reflexive marker

    /// Appends `ся`: the removed reflexive ending had at least two letters, so it fits.
    mutating func appendReflexiveMarker() {
        word[limit] = BelarusianLetter.es
        word[limit + 1] = BelarusianLetter.ya
        limit += 2
    }
}

/// The UTF-16 code units of the letters the Belarusian algorithm names.
enum BelarusianLetter {
    static let apostrophe: UInt16 = 0x0027
    static let i: UInt16 = 0x0456
    static let u: UInt16 = 0x0443
    static let shortU: UInt16 = 0x045E
    static let softSign: UInt16 = 0x044C
    static let ze: UInt16 = 0x0437
    static let de: UInt16 = 0x0434
    static let ge: UInt16 = 0x0433
    static let es: UInt16 = 0x0441
    static let ya: UInt16 = 0x044F

    /// Belarusian vowels: а е ё і о у ы э ю я.
    @inline(__always)
    static func isVowel(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x0430, 0x0435, 0x0451, 0x0456, 0x043E, 0x0443, 0x044B, 0x044D, 0x044E, 0x044F: return true
        default: return false
        }
    }

    /// A Cyrillic letter that is neither a vowel, the soft sign nor an apostrophe.
    static func isConsonant(_ unit: UInt16) -> Bool {
        (0x0430...0x045F).contains(unit) && !isVowel(unit) && unit != softSign && unit != 0x044A
    }

    /// Consonants whose softness taraškievica marks with `ь` before another consonant:
    /// с з ц н л д.
    static func assimilating(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x0441, 0x0437, 0x0446, 0x043D, 0x043B, 0x0434: return true
        default: return false
        }
    }
}

/// The suffix classes of the Belarusian algorithm.
enum BelarusianSuffixes {
    static let reflexive = SuffixTable([(.delete, ["цца", "ся", "ца"])])

    static let gerund = SuffixTable([(.delete, ["учы", "ючы", "ачы", "ячы", "ўшы"])])

    /// Noun, adjective and verb endings in one class: the longest allowed one is removed.
    static let inflection = SuffixTable([
        // Adjectives and pronominal forms.
        (
            .delete,
            [
                "ы", "і", "ая", "яя", "ое", "ае", "ее", "яе", "ага", "яга", "ога", "ому", "аму", "яму", "ым", "ім",
                "ай", "яй", "ой", "ую", "юю", "ых", "іх", "ымі", "імі", "ыя", "ія", "ыі",
            ]
        ),
        // Verbs: infinitive, present, past, imperative (the thematic vowel stays in the stem).
        (
            .delete,
            [
                "ць", "ці", "чы", "еш", "эш", "ёш", "ш", "е", "э", "ё", "ем", "ём", "м", "еце", "ёце", "це", "уць",
                "юць", "ў", "ла", "ло", "лі", "йце", "й", "у", "ю",
            ]
        ),
        // Nouns.
        (
            .delete,
            [
                "а", "я", "о", "ом", "ам", "ям", "ей", "ёй", "ою", "ёю", "ею", "аю", "яю", "ах", "ях", "амі",
                "ямі", "аў", "оў", "яў", "еў", "ёў", "ь", "аці", "яці",
            ]
        ),
    ])
}
