/// Codes (articles, model numbers, sizes) compared the way a shopper says them.
///
/// Split into pieces or joined, with or without separators: `VN70-120-01-19C4` is found in «vn 70 120 01 19 c 4»,
/// `SL86-006E` in «sl 86 006 e», `150x99.5` in «150 x 99 5».
///
/// A product's codes are its words with a digit (title, vendor code, barcode, model) without `-`,
/// `/`, `.`, `,`, lowercased, four characters or more; a query's code material is its words written
/// together the same way. A code matches where it occurs in that material.
enum CodeKeys {
    /// The codes of a product's texts.
    static func codes(of texts: [String]) -> [[Character]] {
        var codes: [[Character]] = []
        for text in texts {
            for word in words(of: text) {
                let code = clean(word)
                if code.count >= 4, code.contains(where: \.isASCIIDigit), !codes.contains(code) { codes.append(code) }
            }
        }
        return codes.sorted { $0.count > $1.count }
    }

    /// The query's words written together, for matching codes in.
    static func material(of words: [String]) -> [Character] {
        words.flatMap(clean)
    }

    /// Characters of the query's material covered by the product's codes (longest first, not
    /// overlapping): how much of what the shopper spelled the product has.
    static func matchedLength(_ codes: [[Character]], in material: [Character]) -> Int {
        guard !material.isEmpty else { return 0 }
        var covered = [Bool](repeating: false, count: material.count)
        var total = 0
        for code in codes where code.count <= material.count {
            var start = 0
            while start + code.count <= material.count {
                if !covered[start], material[start..<(start + code.count)].elementsEqual(code),
                    !covered[start..<(start + code.count)].contains(true)
                {
                    for index in start..<(start + code.count) { covered[index] = true }
                    total += code.count
                    break
                }
                start += 1
            }
        }
        return total
    }

    /// Joins of adjacent short pieces of a spoken code («sl 86 006 e» → `sl86`, `86006`, `006e`,
    /// `sl86006`, …), two to four pieces with a digit among them, so the keyword search meets codes
    /// the index holds whole.
    static func joins(of words: [String]) -> [String] {
        var joins: [String] = []
        for start in words.indices {
            var joined = ""
            var hasDigit = false
            for end in start..<min(words.count, start + 4) {
                let piece = words[end]
                guard piece.count <= 6, piece.allSatisfy({ $0.isLetter || $0.isASCIIDigit }) else { break }
                joined += piece
                hasDigit = hasDigit || piece.contains(where: \.isASCIIDigit)
                if end > start, hasDigit, !joins.contains(joined) { joins.append(joined) }
            }
        }
        return joins
    }

    /// The words of `text` split at spaces and punctuation other than the code joiners.
    private static func words(of text: String) -> [String] {
        text.lowercased().split { $0.isWhitespace || ",;:()[]{}«»\"!?".contains($0) }.map(String.init)
    }

    private static func clean(_ word: String) -> [Character] {
        Array(word.lowercased().filter { !"-/.,'’ ".contains($0) })
    }
}

extension Character {
    /// `0`–`9`.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
