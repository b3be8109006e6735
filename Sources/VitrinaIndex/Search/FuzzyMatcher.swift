/// Finds dictionary terms within a small edit distance of a word: typo tolerance.
///
/// Allowed distance follows the word's length in letters: none below 4, one edit for 4–7, two
/// from 8 (the same rule as Algolia's and Elasticsearch's `AUTO`). The first letter must match
/// (Elasticsearch's `prefix_length` 1), which keeps the scan to one stretch of the sorted
/// dictionary. The dictionary is walked in order and the Levenshtein automaton is simulated one
/// DP row per letter (``Walk``): terms sharing a prefix with the previous term reuse its rows,
/// and a row whose minimum exceeds the distance is a dead prefix — no term starting with it can
/// match, so the walk skips every such term (``step(_:walk:)`` says how many bytes), which is the
/// automaton's intersection with the dictionary.
struct FuzzyMatcher {
    /// The word, as Unicode scalars.
    let word: [Unicode.Scalar]
    /// The largest edit distance allowed.
    let maximumDistance: Int

    /// What ``step(_:walk:)`` found for one term.
    enum Outcome: Equatable {
        /// The term is within the distance (0 for the word itself).
        case match(distance: Int)
        /// The term is too far, but longer terms sharing its prefix may not be.
        case miss
        /// No term starting with the first `prefixBytes` bytes of this one can match.
        case dead(prefixBytes: Int)
    }

    /// The state carried along a walk over sorted terms.
    struct Walk {
        /// Scalars of the previous term and the byte offset where each ends.
        fileprivate var scalars: [Unicode.Scalar] = []
        fileprivate var ends: [Int] = []
        fileprivate var previous: [UInt8] = []
        /// Flat DP rows: row *i* (after *i* scalars) occupies `[i × width, (i + 1) × width)`.
        fileprivate var rows: [Int] = []
        /// Rows still valid for the previous term.
        fileprivate var validRows = 0

        init() {}
    }

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

    /// Compares the next term of a sorted walk with the word.
    func step(_ term: UnsafeBufferPointer<UInt8>, walk: inout Walk) -> Outcome {
        let width = word.count + 1
        if walk.rows.isEmpty {
            walk.rows = Array(0..<width)
            walk.validRows = 1
        }
        // The bytes and scalars shared with the previous term.
        var sharedBytes = 0
        let common = min(term.count, walk.previous.count)
        while sharedBytes < common && term[sharedBytes] == walk.previous[sharedBytes] { sharedBytes += 1 }
        var sharedScalars = 0
        while sharedScalars < walk.ends.count && walk.ends[sharedScalars] <= sharedBytes { sharedScalars += 1 }
        walk.scalars.removeSubrange(sharedScalars...)
        walk.ends.removeSubrange(sharedScalars...)
        walk.previous.removeSubrange(sharedBytes...)
        walk.previous.append(contentsOf: term[sharedBytes...])
        Self.decode(
            term, from: sharedScalars > 0 ? walk.ends[sharedScalars - 1] : 0, into: &walk.scalars, ends: &walk.ends)
        let scalars = walk.scalars
        var valid = min(walk.validRows, sharedScalars + 1)
        let needed = (scalars.count + 1) * width
        if walk.rows.count < needed { walk.rows.append(contentsOf: repeatElement(0, count: needed - walk.rows.count)) }
        let maximum = maximumDistance
        let outcome: Outcome? = word.withUnsafeBufferPointer { word in
            walk.rows.withUnsafeMutableBufferPointer { rows in
                while valid <= scalars.count {
                    let index = valid - 1
                    let previous = index * width
                    let scalar = scalars[index]
                    rows[previous + width] = index + 1
                    var smallest = index + 1
                    for column in 1..<width {
                        let cost = word[column - 1] == scalar ? 0 : 1
                        let value = min(
                            rows[previous + column] + 1, rows[previous + width + column - 1] + 1,
                            rows[previous + column - 1] + cost)
                        rows[previous + width + column] = value
                        if value < smallest { smallest = value }
                    }
                    valid += 1
                    if smallest > maximum { return .dead(prefixBytes: walk.ends[index]) }
                }
                return nil
            }
        }
        walk.validRows = valid
        if let outcome { return outcome }
        if abs(scalars.count - word.count) > maximum { return .miss }
        let distance = walk.rows[scalars.count * width + width - 1]
        return distance <= maximum ? .match(distance: distance) : .miss
    }

    /// Decodes UTF-8 `bytes` from byte `start` into scalars (appended), with the byte offset where
    /// each ends; an invalid sequence becomes U+FFFD for one byte.
    private static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into scalars: inout [Unicode.Scalar], ends: inout [Int]
    ) {
        var index = start
        while index < bytes.count {
            let lead = bytes[index]
            var length = 1
            var value = UInt32(lead)
            if lead >= 0xC2 && lead < 0xE0 {
                length = 2
                value = UInt32(lead & 0x1F)
            } else if lead >= 0xE0 && lead < 0xF0 {
                length = 3
                value = UInt32(lead & 0x0F)
            } else if lead >= 0xF0 && lead < 0xF5 {
                length = 4
                value = UInt32(lead & 0x07)
            } else if lead >= 0x80 {
                length = 0
            }
            if length > 1 {
                if index + length > bytes.count {
                    length = 0
                } else {
                    for offset in 1..<length {
                        let byte = bytes[index + offset]
                        if byte & 0xC0 != 0x80 {
                            length = 0
                            break
                        }
                        value = value << 6 | UInt32(byte & 0x3F)
                    }
                }
            }
            if length == 0 {
                scalars.append("\u{FFFD}")
                index += 1
            } else {
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                index += length
            }
            ends.append(index)
        }
    }
}
