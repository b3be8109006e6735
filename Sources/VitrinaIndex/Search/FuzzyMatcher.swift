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
    func distance(to term: [Unicode.Scalar], sharedLetters: Int, rows: inout [[Int]]) -> Int? {
        let width = word.count + 1
        if rows.isEmpty { rows = [Array(0..<width)] }
        let keep = min(sharedLetters, rows.count - 1)
        rows.removeSubrange((keep + 1)...)
        for index in keep..<term.count {
            let previous = rows[index]
            var row = [Int](repeating: 0, count: width)
            row[0] = index + 1
            var smallest = row[0]
            for column in 1..<width {
                let cost = word[column - 1] == term[index] ? 0 : 1
                row[column] = min(previous[column] + 1, row[column - 1] + 1, previous[column - 1] + cost)
                smallest = min(smallest, row[column])
            }
            rows.append(row)
            if smallest > maximumDistance { return nil }
        }
        let distance = rows[term.count][width - 1]
        return distance <= maximumDistance ? distance : nil
    }
}
