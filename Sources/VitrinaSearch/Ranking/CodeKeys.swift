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
        var word: [Unicode.Scalar] = []
        var hasDigit = false
        func finish() {
            // Only words with a digit are codes: only they are lowercased and compared.
            if word.count >= 4, hasDigit {
                var scalars = String.UnicodeScalarView()
                scalars.append(contentsOf: word)
                let code = Array(String(scalars).lowercased())
                if !codes.contains(code) { codes.append(code) }
            }
            word.removeAll(keepingCapacity: true)
            hasDigit = false
        }
        // One pass per text over its scalars: a word ends at a space or a break, joiners are dropped.
        for text in texts {
            for scalar in text.unicodeScalars {
                if isBreak(scalar) {
                    finish()
                } else if !isJoiner(scalar) {
                    word.append(scalar)
                    hasDigit = hasDigit || ("0"..."9").contains(scalar)
                }
            }
            finish()
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

    /// Whether `scalar` ends a word: a space or punctuation other than the code joiners.
    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar == "«" || scalar == "»" || scalar.properties.isWhitespace }
        return scalar.value <= 0x20 || ",;:()[]{}\"!?".unicodeScalars.contains(scalar)
    }

    /// Whether `scalar` joins the pieces of a code (`VN70-120`, `150x99.5`) and is left out of it.
    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? "-/.,' ".unicodeScalars.contains(scalar) : scalar == "’"
    }

    private static func clean(_ word: String) -> [Character] {
        word.lowercased().unicodeScalars.filter { !isJoiner($0) }.map(Character.init)
    }
}

extension Character {
    /// `0`–`9`.
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
}
