/// Finds dictionary terms within a small edit distance of a word: typo tolerance.
///
/// Allowed distance follows the word's length in letters: none below 4, one edit for 4–7, two
/// from 8 (the same rule as Algolia's and Elasticsearch's `AUTO`). The first letter must match
/// (Elasticsearch's `prefix_length` 1), which keeps the scan to one stretch of the sorted
/// dictionary. The dictionary is walked in order and the Levenshtein automaton is simulated one
/// DP row per letter: terms sharing a prefix with the previous term reuse its rows, and a row
/// whose minimum exceeds the distance ends the term early.
struct FuzzyMatcher {
    /// The word, as Unicode scalars.
    let word: [Unicode.Scalar]
    /// The largest edit distance allowed.
    let maximumDistance: Int

    /// A matcher for `word`, or `nil` when the word is too short for typos.
    init?(_ word: String) {
        let scalars = Array(word.unicodeScalars)
        switch scalars.count {
        case 0..<4: return nil
        case 4..<8: maximumDistance = 1
        default: maximumDistance = 2
        }
        self.word = scalars
    }

    /// The UTF-8 bytes of the first letter: the dictionary range to scan.
    var firstLetter: [UInt8] { Array(String(word[0]).utf8) }

    /// The edit distance between `term` and the word when within the limit, else `nil`.
    ///
    /// `rows` carries the DP rows between calls (sorted neighbours share prefixes): row *i* is
    /// the distance row after the term's first *i* letters; `sharedLetters` says how many of
    /// them are still valid.
    func distance(to term: [Unicode.Scalar], sharedLetters: Int, rows: inout [Int]) -> Int? {
        // `rows` is flat: row i occupies [i * width, (i + 1) * width).
        let width = word.count + 1
        if rows.isEmpty { rows = Array(0..<width) }
        let validRows = rows.count / width
        let keep = min(sharedLetters, validRows - 1)
        rows.removeSubrange(((keep + 1) * width)...)
        // Lengths too far apart can never be within the distance.
        if abs(term.count - word.count) > maximumDistance { return nil }
        for index in keep..<term.count {
            let previous = index * width
            rows.append(index + 1)
            var smallest = index + 1
            for column in 1..<width {
                let cost = word[column - 1] == term[index] ? 0 : 1
                let value = min(
                    rows[previous + column] + 1, rows[previous + width + column - 1] + 1,
                    rows[previous + column - 1] + cost)
                rows.append(value)
                smallest = min(smallest, value)
            }
            if smallest > maximumDistance { return nil }
        }
        let distance = rows[term.count * width + width - 1]
        return distance <= maximumDistance ? distance : nil
    }
}
