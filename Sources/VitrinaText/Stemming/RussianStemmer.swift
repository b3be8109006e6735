/// The Snowball Russian stemmer (Martin Porter's algorithm), written in Swift from its published
/// description.
///
/// It reproduces Snowball's own output exactly (the full Snowball test vocabulary is checked by a
/// test). The routines mirror `russian.sbl` one to one and in order: `mark_regions`,
/// `perfective_gerund`, `adjective`, `adjectival` (with `participle`), `reflexive`, `verb`,
/// `noun`, `derivational`, `tidy_up`, and the top-level `stem`.
///
/// Precondition: the word is lowercase (the analysis chain case-folds first; capital letters would
/// count as non-vowels and match no suffix). `ё` is folded to `е` here, as Snowball 2 does.
/// Characters outside Russian's alphabet are non-vowels that match no suffix, so Latin words and
/// numbers come back unchanged.
///
/// ```swift
/// RussianStemmer().stem("противоестественном") // "противоестествен"
/// ```
public struct RussianStemmer: Stemmer {
    /// Creates the stemmer.
    public init() {}

    /// Returns the Snowball Russian stem of a lowercase word.
    public func stem(_ word: String) -> String {
        // Words without a Cyrillic letter (UTF-8 lead bytes 0xD0/0xD1) cannot change.
        guard word.utf8.contains(where: { $0 == 0xD0 || $0 == 0xD1 }) else { return word }
        return UTF16Buffer.transform(word) { buffer, count in
            var state = RussianStemmerState(word: buffer, limit: count)
            state.stem()
            return state.limit
        }
    }
}

/// The word being stemmed, in UTF-16 code units, and its regions.
///
/// Suffixes are only ever cut from the end, so the regions computed up front stay valid.
struct RussianStemmerState {
    /// The word; only `word[0..<limit]` is live.
    let word: UnsafeMutableBufferPointer<UInt16>
    /// The current end of the word.
    var limit: Int
    /// Start of RV: just after the first vowel.
    var pV: Int
    /// Start of R2.
    var p2: Int

    init(word: UnsafeMutableBufferPointer<UInt16>, limit: Int) {
        self.word = word
        self.limit = limit
        self.pV = limit
        self.p2 = limit
    }

    // MARK: - stem

    /// Snowball `stem`: fold ё, mark the regions, then steps 1–4 backwards inside RV.
    mutating func stem() {
        for index in 0..<limit where word[index] == Letter.yo { word[index] = Letter.ye }
        markRegions()
        guard pV < limit else { return }
        // Step 1.
        if !perfectiveGerund() {
            _ = reflexive()
            if !adjectival() {
                if !verb() { _ = noun() }
            }
        }
        // Step 2.
        if limit > pV, word[limit - 1] == Letter.i { limit -= 1 }
        // Step 3.
        _ = derivational()
        // Step 4.
        _ = tidyUp()
    }

    // MARK: - mark_regions

    /// Snowball `mark_regions`: pV after the first vowel; p2 after the next vowel/non-vowel pair
    /// following R1.
    mutating func markRegions() {
        var index = 0
        guard goPast(vowel: true, from: &index) else { return }
        pV = index
        guard goPast(vowel: false, from: &index),  // R1 starts here
            goPast(vowel: true, from: &index),
            goPast(vowel: false, from: &index)
        else { return }
        p2 = index
    }

    /// Moves `index` just past the next vowel (or non-vowel); false when none is left.
    private func goPast(vowel: Bool, from index: inout Int) -> Bool {
        while index < limit {
            let isVowel = Letter.isVowel(word[index])
            index += 1
            if isVowel == vowel { return true }
        }
        return false
    }

    // MARK: - perfective_gerund

    /// Snowball `perfective_gerund`: `в вши вшись` after а/я; `ив ивши ившись ыв ывши ывшись`.
    mutating func perfectiveGerund() -> Bool {
        removeLongest(RussianSuffixes.perfectiveGerund)
    }

    // MARK: - adjective

    /// Snowball `adjective`: remove an adjective ending.
    mutating func adjective() -> Bool {
        removeLongest(RussianSuffixes.adjective)
    }

    // MARK: - adjectival

    /// Snowball `adjectival`: an adjective ending, then optionally a participle ending before it.
    mutating func adjectival() -> Bool {
        guard adjective() else { return false }
        _ = participle()
        return true
    }

    /// The participle part of Snowball `adjectival`: `ем нн вш ющ щ` after а/я; `ивш ывш ующ`.
    mutating func participle() -> Bool {
        removeLongest(RussianSuffixes.participle)
    }

    // MARK: - reflexive

    /// Snowball `reflexive`: `ся`, `сь`.
    mutating func reflexive() -> Bool {
        removeLongest(RussianSuffixes.reflexive)
    }

    // MARK: - verb

    /// Snowball `verb`: group 1 after а/я, group 2 always.
    mutating func verb() -> Bool {
        removeLongest(RussianSuffixes.verb)
    }

    // MARK: - noun

    /// Snowball `noun`: remove a noun ending.
    mutating func noun() -> Bool {
        removeLongest(RussianSuffixes.noun)
    }

    // MARK: - derivational

    /// Snowball `derivational`: `ост`, `ость` when the suffix lies in R2.
    mutating func derivational() -> Bool {
        guard let match = RussianSuffixes.derivational.longestMatch(in: word, end: limit, floor: pV),
            limit - match.length >= p2
        else { return false }
        limit -= match.length
        return true
    }

    // MARK: - tidy_up

    /// Snowball `tidy_up`: superlative `ейш`/`ейше` (then `нн`→`н`), or `нн`→`н`, or a final `ь`.
    mutating func tidyUp() -> Bool {
        guard let match = RussianSuffixes.tidyUp.longestMatch(in: word, end: limit, floor: pV) else { return false }
        switch match.action {
        case .superlative:
            limit -= match.length
            if limit - 2 >= pV, word[limit - 1] == Letter.en, word[limit - 2] == Letter.en { limit -= 1 }
        case .doubleN:
            guard limit - 2 >= pV, word[limit - 2] == Letter.en else { return false }
            limit -= 1
        case .softSign, .delete, .afterAOrYa:
            limit -= match.length
        }
        return true
    }

    // MARK: - Shared

    /// Applies a suffix class: the longest suffix inside RV decides; a group-1 suffix needs `а` or
    /// `я` (inside RV) before it, else the class fails.
    private mutating func removeLongest(_ table: SuffixTable) -> Bool {
        guard let match = table.longestMatch(in: word, end: limit, floor: pV) else { return false }
        let start = limit - match.length
        if match.action == .afterAOrYa {
            guard start - 1 >= pV, word[start - 1] == Letter.a || word[start - 1] == Letter.ya else { return false }
        }
        limit = start
        return true
    }
}

/// The UTF-16 code units of the letters the algorithm names.
enum Letter {
    static let a: UInt16 = 0x0430
    static let ye: UInt16 = 0x0435
    static let yo: UInt16 = 0x0451
    static let i: UInt16 = 0x0438
    static let en: UInt16 = 0x043D
    static let ya: UInt16 = 0x044F

    /// Russian vowels: а е и о у ы э ю я.
    @inline(__always)
    static func isVowel(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x0430, 0x0435, 0x0438, 0x043E, 0x0443, 0x044B, 0x044D, 0x044E, 0x044F: return true
        default: return false
        }
    }
}
