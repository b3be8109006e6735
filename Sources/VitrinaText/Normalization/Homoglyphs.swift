/// Repairs words typed with look-alike letters of the other script.
///
/// Shops paste titles from many sources, and a Cyrillic word with a Latin `o` (`смартфoн`) or
/// `i` (`Рэспублiкi`) never matches a query. Within each word (a run of letters, digits and
/// inner apostrophes) that mixes Cyrillic and Latin letters:
/// - if every Latin letter has a Cyrillic look-alike, and the word is mostly Cyrillic (or every
///   Cyrillic letter lacks a Latin look-alike), the word is written in Cyrillic;
/// - otherwise, if every Cyrillic letter has a Latin look-alike, it is written in Latin;
/// - otherwise the word is left as it is.
/// Mapping works on the original case (`B` looks like `В`, `b` looks like nothing).
enum Homoglyphs {
    /// Latin letter → Cyrillic look-alike.
    static let latinToCyrillic: [UInt32: UInt32] = [
        0x41: 0x0410, 0x61: 0x0430, 0x42: 0x0412, 0x43: 0x0421, 0x63: 0x0441, 0x45: 0x0415,
        0x65: 0x0435, 0x48: 0x041D, 0x4B: 0x041A, 0x6B: 0x043A, 0x4D: 0x041C, 0x4F: 0x041E,
        0x6F: 0x043E, 0x50: 0x0420, 0x70: 0x0440, 0x54: 0x0422, 0x58: 0x0425, 0x78: 0x0445,
        0x59: 0x0423, 0x79: 0x0443, 0x49: 0x0406, 0x69: 0x0456, 0xEB: 0x0451, 0xCB: 0x0401,
    ]

    /// Cyrillic letter → Latin look-alike.
    static let cyrillicToLatin: [UInt32: UInt32] = {
        var map: [UInt32: UInt32] = [0x0458: 0x6A, 0x0408: 0x4A, 0x0455: 0x73, 0x0405: 0x53, 0x04BB: 0x68]
        for (latin, cyrillic) in latinToCyrillic { map[cyrillic] = latin }
        return map
    }()

    /// Rewrites mixed-script words of `scalars` in place.
    static func repair(_ scalars: inout [Unicode.Scalar]) {
        var start = 0
        while start < scalars.count {
            guard isWordScalar(scalars[start]) else {
                start += 1
                continue
            }
            var end = start
            while end < scalars.count, isWordScalar(scalars[end]) { end += 1 }
            repairWord(&scalars, start..<end)
            start = end
        }
    }

    /// Repairs one word occupying `range` of `scalars`.
    private static func repairWord(_ scalars: inout [Unicode.Scalar], _ range: Range<Int>) {
        var latin = 0
        var cyrillic = 0
        var latinMappable = true
        var cyrillicMappable = true
        for index in range {
            let value = scalars[index].value
            if isLatin(value) {
                latin += 1
                if latinToCyrillic[value] == nil { latinMappable = false }
            } else if isCyrillic(value) {
                cyrillic += 1
                if cyrillicToLatin[value] == nil { cyrillicMappable = false }
            }
        }
        guard latin > 0, cyrillic > 0 else { return }
        let toCyrillic = latinMappable && (cyrillic >= latin || !cyrillicMappable)
        let table: [UInt32: UInt32]
        if toCyrillic {
            table = latinToCyrillic
        } else if cyrillicMappable {
            table = cyrillicToLatin
        } else {
            return
        }
        for index in range {
            if let mapped = table[scalars[index].value], let scalar = Unicode.Scalar(mapped) {
                scalars[index] = scalar
            }
        }
    }

    /// Letters, digits and the apostrophe belong to a word.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Basic and Latin-1 Latin letters.
    static func isLatin(_ value: UInt32) -> Bool {
        (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || (0xC0...0x24F).contains(value)
    }

    /// Letters of the Cyrillic block.
    static func isCyrillic(_ value: UInt32) -> Bool {
        (0x0400...0x04FF).contains(value)
    }
}
