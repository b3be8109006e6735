/// Splits a mention into words, emoticons and emoji, and clause and sentence ends.
///
/// One scanner per thread; its buffers are reused.
///
/// Words are lowercased into ``words`` (UTF-8), `ё` read as `е`, apostrophe variants as `'`;
/// letters repeated three times or more are kept once («оооочень» → «очень», flagged as
/// elongated); URLs and `@handles` are skipped, `#hashtags` are read as words. A `)` or `(` is an
/// emoticon unless it closes or opens a parenthesis in the same text. The scanner also counts
/// letters only Belarusian (`і`, `ў`) or only Russian (`и`, `щ`, `ъ`) uses.
struct TextScanner {
    /// A piece of text.
    struct Piece {
        /// What the piece is.
        enum Kind: UInt8 {
            case word, emoticon, clauseBreak, sentenceBreak
        }
        var kind: Kind
        /// For words: the byte range in ``TextScanner/words``.
        var start: Int32 = 0
        var end: Int32 = 0
        /// For words: the UTF-8 byte range in the scanned text.
        var sourceStart: Int32 = 0
        var sourceEnd: Int32 = 0
        /// For emoticons: the polarity.
        var value: Float = 0
        /// Word: elongated; sentence break: exclamation (2), question (4).
        var flags: UInt8 = 0

        static let elongated: UInt8 = 1
        static let exclamation: UInt8 = 2
        static let question: UInt8 = 4
    }

    /// The pieces of the last scanned text; the last piece is always a sentence break.
    private(set) var pieces: [Piece] = []
    /// Lowercased word bytes of the last scanned text.
    private(set) var words: [UInt8] = []
    /// Letters of the last text only Belarusian writes (`і`, `ў`).
    private(set) var belarusianLetters = 0
    /// Letters of the last text only Russian writes (`и`, `щ`, `ъ`).
    private(set) var russianLetters = 0
    private var scalars: [Unicode.Scalar] = []
    private var offsets: [Int32] = []
    private var openStack: [Int] = []
    private var paired: [Bool] = []

    /// Scans `text`; `emoji` gives the polarity of emoji scalars.
    mutating func scan(_ text: String, emoji: [UInt32: Float]) {
        pieces.removeAll(keepingCapacity: true)
        words.removeAll(keepingCapacity: true)
        scalars.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        belarusianLetters = 0
        russianLetters = 0
        var byte: Int32 = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(byte)
            byte += Int32(UTF8.width(scalar))
        }
        offsets.append(byte)
        // Parentheses that pair up are punctuation, the rest are smiles or frowns.
        paired.removeAll(keepingCapacity: true)
        paired.append(contentsOf: repeatElement(false, count: scalars.count))
        openStack.removeAll(keepingCapacity: true)
        for index in scalars.indices {
            let scalar = scalars[index]
            if scalar == "(" {
                let next: Unicode.Scalar = index + 1 < scalars.count ? scalars[index + 1] : " "
                let previous: Unicode.Scalar = index > 0 ? scalars[index - 1] : " "
                if next != "(" && previous != "(" && previous != ":" && previous != "=" && previous != ";" {
                    openStack.append(index)
                }
            } else if scalar == ")", let open = openStack.popLast() {
                paired[open] = true
                paired[index] = true
            }
        }
        var wordStart = -1
        var wordEnd = 0
        var wordBytesStart = 0
        var elongated = false
        var runLetter: UInt32 = 0
        var runLength = 0
        var lastLetterWidth = 0

        func flushWord() {
            guard wordStart >= 0 else { return }
            // A trailing apostrophe or hyphen is not part of the word.
            while words.count > wordBytesStart, words[words.count - 1] == 0x27 || words[words.count - 1] == 0x2D {
                words.removeLast()
            }
            if words.count > wordBytesStart {
                pieces.append(
                    Piece(
                        kind: .word, start: Int32(wordBytesStart), end: Int32(words.count),
                        sourceStart: offsets[wordStart], sourceEnd: offsets[wordEnd],
                        flags: elongated ? Piece.elongated : 0))
            }
            wordStart = -1
            elongated = false
            runLength = 0
            runLetter = 0
        }

        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if wordStart < 0, scalar == "h" || scalar == "w", Self.startsURL(scalars, at: index) {
                while index < scalars.count, !Self.isSpace(scalars[index]) { index += 1 }
                continue
            }
            if let lower = Self.letter(scalar) {
                if wordStart < 0 {
                    wordStart = index
                    wordBytesStart = words.count
                }
                wordEnd = index + 1
                switch lower.value {
                case 0x0456, 0x045E: belarusianLetters += 1
                case 0x0438, 0x0449, 0x044A: russianLetters += 1
                default: break
                }
                if lower.value == runLetter {
                    runLength += 1
                } else {
                    runLetter = lower.value
                    runLength = 1
                }
                if runLength >= 3 {
                    elongated = true
                    // Keep one letter of a run of three or more: «оооочень» → «очень».
                    if runLength == 3 { words.removeLast(lastLetterWidth) }
                } else {
                    lastLetterWidth = Self.appendUTF8(lower, to: &words)
                }
                index += 1
                continue
            }
            if (scalar == "'" || scalar == "’" || scalar == "ʼ" || scalar == "-") && wordStart >= 0,
                index + 1 < scalars.count, Self.letter(scalars[index + 1]) != nil
            {
                words.append(scalar == "-" ? 0x2D : 0x27)
                wordEnd = index + 1
                runLetter = 0
                index += 1
                continue
            }
            flushWord()
            switch scalar {
            case "@":
                // A handle: skip it.
                index += 1
                while index < scalars.count,
                    Self.letter(scalars[index]) != nil || scalars[index] == "_"
                        || (scalars[index].value >= 0x30 && scalars[index].value <= 0x39)
                {
                    index += 1
                }
                continue
            case ".", "!", "?", "…", "\n":
                var flags: UInt8 = scalar == "!" ? Piece.exclamation : scalar == "?" ? Piece.question : 0
                var next = index + 1
                while next < scalars.count, Self.isSentenceEnd(scalars[next]) || scalars[next] == "\r" {
                    if scalars[next] == "!" { flags |= Piece.exclamation }
                    if scalars[next] == "?" { flags |= Piece.question }
                    next += 1
                }
                // A dot inside a number or an abbreviation without a space (3.5, т.е.) is no break.
                if scalar == ".", next == index + 1, next < scalars.count, !Self.isSpace(scalars[next]),
                    scalars[next] != ")" && scalars[next] != "("
                {
                    index = next
                    continue
                }
                pieces.append(Piece(kind: .sentenceBreak, flags: flags))
                index = next
                continue
            case ",", "—", "–", "\t":
                pieces.append(Piece(kind: .clauseBreak))
            case ":", "=", ";":
                // :) :-) =) ;) :( :D :/ :'(
                var next = index + 1
                if next < scalars.count, scalars[next] == "-" || scalars[next] == "'" { next += 1 }
                if next < scalars.count {
                    let face = scalars[next]
                    var polarity: Float = 0
                    switch face {
                    case ")", "D", "]", "*": polarity = 1.5
                    case "(", "[": polarity = -1.5
                    case "/", "|": polarity = -0.5
                    default: break
                    }
                    if polarity != 0 {
                        pieces.append(Piece(kind: .emoticon, value: polarity))
                        index = next + 1
                        while index < scalars.count, scalars[index] == face { index += 1 }
                        continue
                    }
                }
                pieces.append(Piece(kind: .clauseBreak))
            case ")" where !paired[index], "(" where !paired[index]:
                var next = index
                while next < scalars.count, scalars[next] == scalar { next += 1 }
                let strength: Float = next - index >= 2 ? 1.5 : 1.0
                pieces.append(Piece(kind: .emoticon, value: scalar == ")" ? strength : -strength))
                index = next
                continue
            case "<" where index + 1 < scalars.count && scalars[index + 1] == "3":
                pieces.append(Piece(kind: .emoticon, value: 2))
                index += 2
                continue
            default:
                if scalar.value >= 0x2000, let polarity = emoji[scalar.value] {
                    pieces.append(Piece(kind: .emoticon, value: polarity))
                }
            }
            index += 1
        }
        flushWord()
        pieces.append(Piece(kind: .sentenceBreak))
    }

    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{00A0}"
    }

    @inline(__always)
    static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "!" || scalar == "?" || scalar == "…" || scalar == "\n"
    }

    /// Appends the UTF-8 form of a (Cyrillic or Latin) letter; returns its width.
    @inline(__always)
    static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) -> Int {
        let value = scalar.value
        if value < 0x80 {
            bytes.append(UInt8(value))
            return 1
        }
        bytes.append(UInt8(0xC0 | (value >> 6)))
        bytes.append(UInt8(0x80 | (value & 0x3F)))
        return 2
    }

    /// Whether `http://`, `https://` or `www.` starts at `index`.
    static func startsURL(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        for prefix in ["http://", "https://", "www."] {
            var matched = true
            var offset = 0
            for expected in prefix.unicodeScalars {
                if index + offset >= scalars.count || scalars[index + offset] != expected {
                    matched = false
                    break
                }
                offset += 1
            }
            if matched { return true }
        }
        return false
    }

    /// The lowercased letter for a Cyrillic or Latin letter (`ё` → `е`), else `nil`.
    @inline(__always)
    static func letter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch value {
        case 0x61...0x7A: return scalar
        case 0x41...0x5A: return Unicode.Scalar(value + 0x20)
        case 0x0430...0x044F: return scalar
        case 0x0410...0x042F: return Unicode.Scalar(value + 0x20)
        case 0x0451, 0x0401: return "е"
        case 0x0456, 0x0406: return "і"
        case 0x045E, 0x040E: return "ў"
        case 0x0454, 0x0404, 0x0457, 0x0407, 0x0491, 0x0490: return Unicode.Scalar(value | 0x50)
        default: return nil
        }
    }
}
