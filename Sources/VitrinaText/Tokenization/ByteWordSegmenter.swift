/// Word-break segmentation over UTF-8 bytes for the scripts product catalogs are written in:
/// the same segments and rule statuses as ICU's root word break iterator (UAX #29 with ICU's
/// tailoring), without ICU.
///
/// It knows ASCII, Latin-1 and Latin Extended-A/B letters, Cyrillic, combining accents, and the
/// punctuation, spaces and symbols of shop text (dashes, quotes, `№`, currency signs, arrows,
/// math). A text with any other character (CJK, Greek, emoji, …) is refused (`false`) and the
/// caller segments it with ICU; ``WordTokenizer`` does that, and a test checks both give the
/// same tokens over real catalogs and random strings.
///
/// Rules implemented (UAX #29 numbering): WB3 (CR × LF), WB3a/3b (breaks around newlines), WB3d
/// (spaces together), WB4 (accents and format characters attach to a letter or digit; anywhere
/// else the text is refused), WB5–WB13b for letters, digits, `.`/`,`/`'`-like middles and `_`.
/// ICU's tailoring: `@` is a letter, `:` is not a middle letter. The rule status of a word-like
/// segment is ICU's: 100 when it ends with a digit, 200 when it ends with a letter, and after a
/// trailing connector (`_`) that of the pair before it.
enum ByteWordSegmenter {
    /// Word-break classes of the supported characters.
    enum Class: UInt8 {
        case other, letter, numeric, midLetter, midNumLet, midNum, singleQuote, extendNumLet, extend, space, cr,
            lf, newline
        /// Letters, digits and connectors: what a word is made of.
        var isCore: Bool { self == .letter || self == .numeric || self == .extendNumLet }
    }

    /// The class of an ASCII byte (a switch, not a table: no lazy global to check per byte).
    @inline(__always)
    static func asciiClass(_ value: UInt8) -> Class {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0x40: return .letter
        case 0x30...0x39: return .numeric
        case 0x2E: return .midNumLet
        case 0x2C, 0x3B: return .midNum
        case 0x27: return .singleQuote
        case 0x5F: return .extendNumLet
        case 0x20: return .space
        case 0x0D: return .cr
        case 0x0A: return .lf
        case 0x0B, 0x0C: return .newline
        default: return .other
        }
    }

    /// The class of the character at `index` and its byte length; `nil` for a character outside
    /// the supported set.
    @inline(__always)
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Class, Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (asciiClass(lead), 1) }
        if lead < 0xE0 {
            guard lead >= 0xC2, index + 1 < bytes.count else { return nil }
            let scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            guard let kind = twoByteClass(scalar) else { return nil }
            return (kind, 2)
        }
        guard lead < 0xF0, index + 2 < bytes.count else { return nil }
        let scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        guard let kind = threeByteClass(scalar) else { return nil }
        return (kind, 3)
    }

    /// Classes of U+0080–U+07FF.
    @inline(__always)
    private static func twoByteClass(_ scalar: UInt32) -> Class? {
        switch scalar {
        case 0x0400...0x0481, 0x048A...0x052F: return .letter  // Cyrillic
        case 0x0482: return .other
        case 0x0483...0x0489: return .extend
        case 0x00C0...0x00D6, 0x00D8...0x00F6, 0x00F8...0x024F: return .letter  // Latin-1, Extended-A/B
        case 0x00AA, 0x00B5, 0x00BA, 0x02BC: return .letter
        case 0x00D7, 0x00F7: return .other
        case 0x00B7: return .midLetter
        case 0x00AD: return .extend  // soft hyphen (Format)
        case 0x0085: return .newline
        case 0x0080...0x00BF: return .other
        case 0x0300...0x036F: return .extend
        default: return nil
        }
    }

    /// Classes of the supported characters in U+0800–U+FFFF.
    @inline(__always)
    private static func threeByteClass(_ scalar: UInt32) -> Class? {
        switch scalar {
        case 0x2000...0x2006, 0x2008...0x200A, 0x205F: return .space
        case 0x2007, 0x200B: return .other
        case 0x200C, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF: return .extend
        case 0x2018, 0x2019, 0x2024: return .midNumLet
        case 0x2027: return .midLetter
        case 0x2028, 0x2029: return .newline
        case 0x202F, 0x203F, 0x2040, 0x2054: return .extendNumLet
        case 0x2044: return .midNum
        case 0x2010...0x2017, 0x201A...0x2023, 0x2025, 0x2026, 0x2030...0x203E, 0x2041...0x2043, 0x2045...0x2053,
            0x2055...0x205E:
            return .other
        case 0x20A0...0x20CF: return .other  // currency signs
        case 0x2103, 0x2109, 0x2116, 0x2122: return .other  // ℃ ℉ № ™
        case 0x2190...0x22FF, 0x2500...0x25FF, 0x2600...0x26FF, 0x2700...0x27BF: return .other
        case 0xFFFD: return .other
        default: return nil
        }
    }

    /// Splits `bytes` into segments, appending to `segments`; returns `false` (with `segments`
    /// restored) when the text has a character this segmenter does not handle.
    static func segment(_ bytes: UnsafeBufferPointer<UInt8>, into segments: inout [WordBreaker.Segment]) -> Bool {
        let first = segments.count
        var index = 0
        while index < bytes.count {
            guard let (startClass, startLength) = classify(bytes, at: index) else {
                segments.removeSubrange(first...)
                return false
            }
            let start = index
            index += startLength
            switch startClass {
            case .letter, .numeric, .extendNumLet:
                var sawDigit = startClass == .numeric
                guard let status = word(bytes, from: &index, startClass: startClass, sawDigit: &sawDigit) else {
                    segments.removeSubrange(first...)
                    return false
                }
                segments.append(WordBreaker.Segment(range: start..<index, status: status, mayHaveDigit: sawDigit))
            case .space:
                while index < bytes.count, let (next, length) = classify(bytes, at: index), next == .space {
                    index += length
                }
                if index < bytes.count, let (next, _) = classify(bytes, at: index), next == .extend {
                    segments.removeSubrange(first...)
                    return false
                }
                segments.append(WordBreaker.Segment(range: start..<index, status: 0))
            case .cr:
                if index < bytes.count, bytes[index] == 0x0A { index += 1 }
                segments.append(WordBreaker.Segment(range: start..<index, status: 0))
            case .extend:
                // An accent or format character not after a letter or digit: leave it to ICU.
                segments.removeSubrange(first...)
                return false
            case .lf, .newline:
                segments.append(WordBreaker.Segment(range: start..<index, status: 0))
            case .other, .midLetter, .midNumLet, .midNum, .singleQuote:
                if index < bytes.count, let (next, _) = classify(bytes, at: index), next == .extend {
                    segments.removeSubrange(first...)
                    return false
                }
                segments.append(WordBreaker.Segment(range: start..<index, status: 0))
            }
        }
        return true
    }

    /// Extends a word-like segment from `index` (just after its first character, of class
    /// `startClass`); returns its rule status, or `nil` when the text must go to ICU.
    ///
    /// Sets `sawDigit` when the segment has a digit.
    @inline(__always)
    private static func word(
        _ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int, startClass: Class, sawDigit: inout Bool
    ) -> Int32? {
        var status: Int32 = startClass == .letter ? 200 : startClass == .numeric ? 100 : 0
        var previous = startClass
        let raw = UnsafeRawPointer(bytes.baseAddress)
        while index < bytes.count {
            // Fast paths: four basic Cyrillic letters (U+0400–U+047F: D0/D1 and a continuation
            // byte each) in one load, then ASCII letters and digits and one Cyrillic letter.
            if let raw, index + 8 <= bytes.count,
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    & 0xC0FE_C0FE_C0FE_C0FE == 0x80D0_80D0_80D0_80D0
            {
                status = 200
                previous = .letter
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte | 0x20 &- 0x61 < 26 {
                status = 200
                previous = .letter
                index += 1
                continue
            }
            if byte &- 0x30 < 10 {
                status = 100
                previous = .numeric
                sawDigit = true
                index += 1
                continue
            }
            if byte &- 0xD0 < 2, index + 1 < bytes.count, bytes[index + 1] & 0xC0 == 0x80 {
                status = 200
                previous = .letter
                index += 2
                continue
            }
            guard let (kind, length) = classify(bytes, at: index) else { return nil }
            switch kind {
            case .letter:
                status = 200
            case .numeric:
                status = 100
                sawDigit = true
            case .extendNumLet:
                status = previous == .numeric ? 100 : 200
            case .extend:
                // WB4: attaches to the letter or digit before it; class and status unchanged.
                if previous == .extendNumLet { return nil }
                index += length
                continue
            case .midLetter, .midNumLet, .midNum, .singleQuote:
                // WB6/7 (letter · letter) and WB11/12 (digit · digit).
                let after = index + length
                guard after < bytes.count, let (next, nextLength) = classify(bytes, at: after) else {
                    return after < bytes.count ? nil : status
                }
                let joinsLetters = previous == .letter && next == .letter && kind != .midNum
                let joinsDigits = previous == .numeric && next == .numeric && kind != .midLetter
                guard joinsLetters || joinsDigits else { return status }
                index = after + nextLength
                status = next == .letter ? 200 : 100
                if next == .numeric { sawDigit = true }
                previous = next
                continue
            default:
                return status
            }
            previous = kind
            index += length
        }
        return status
    }
}
