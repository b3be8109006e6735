/// Decodes text whose encoding may change inside one file: UTF-8 or Windows-1251, decided for each
/// run of non-ASCII bytes (a word, usually), with what the file has shown so far for the rare runs
/// that are valid in both.
///
/// Shops concatenate exports, and a Windows-1251 row among UTF-8 ones (or a feed declared
/// windows-1251 but written in UTF-8) must not turn every title into mojibake. Windows-1251
/// Cyrillic text is almost never valid UTF-8: its letters (0xC0–0xFF) are lead bytes that need
/// continuation bytes (0x80–0xBF) after them, and two letters in a row break that. A run is
///
/// - **UTF-8** when it is valid UTF-8 and at least half of its characters speak for it: those of
///   three or four bytes, and two-byte ones a catalog plausibly holds (Latin, Cyrillic with Kazakh
///   letters, Greek, combining marks); so `Телевизор`, `—`, `₽` and a review's kaomoji are UTF-8;
/// - **ambiguous** when it is one plausible two-byte character (`Сё` in Windows-1251 is the valid
///   UTF-8 U+0478, `В` + no-break space is U+00A0): it follows the evidence so far (the encoding
///   that has more unambiguous runs; ``preferred`` on a tie);
/// - **Windows-1251** otherwise (a Windows-1251 run that is valid UTF-8 decodes to Hebrew, Arabic
///   and other characters no ru/be catalog mixes with its Cyrillic).
///
/// Memory stays bounded; the decoder counts runs of each encoding and remembers the first line
/// of each, for a warning when a file mixes them.
package struct MixedEncodingDecoder: Sendable {
    /// The encoding of ambiguous runs while the file has not shown either (the declared or detected one).
    package var preferred: TextEncoding
    /// Non-ASCII runs read as UTF-8, and as Windows-1251.
    package private(set) var utf8Runs = 0
    package private(set) var windows1251Runs = 0
    /// The first line with a run of each encoding (0 when none).
    package private(set) var firstUTF8Line = 0
    package private(set) var firstWindows1251Line = 0
    /// The 1-based line of the next byte: advanced at each LF decoded; callers that decode pieces
    /// (CSV fields) set it to where a piece starts.
    package var line = 1
    /// Unambiguous evidence for each encoding.
    private var utf8Evidence = 0
    private var windows1251Evidence = 0

    /// Creates a decoder that reads ambiguous runs as `preferred` until the file says otherwise.
    package init(preferred: TextEncoding) {
        self.preferred = preferred
    }

    /// Whether the runs read so far came in both encodings.
    package var isMixed: Bool { utf8Runs > 0 && windows1251Runs > 0 }

    /// The encoding most runs had (``preferred`` when none).
    package var majority: TextEncoding {
        utf8Runs == windows1251Runs ? preferred : utf8Runs > windows1251Runs ? .utf8 : .windows1251
    }

    /// Appends `bytes` to `output` as UTF-8.
    ///
    /// The bytes must not end inside a run of non-ASCII bytes unless the text ends there (callers
    /// feed whole fields, or chunks cut at an ASCII byte).
    package mutating func appendUTF8(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var index = 0
        var copyStart = 0
        while index < count {
            let byte = base[index]
            guard byte >= 0x80 else {
                if byte == 0x0A { line += 1 }
                index += 1
                continue
            }
            var end = index + 1
            while end < count, base[end] >= 0x80 { end += 1 }
            let run = UnsafeBufferPointer(start: base + index, count: end - index)
            switch Self.classify(run) {
            case .utf8:
                tally(.utf8)
                utf8Evidence += 1
            case .ambiguous:
                let encoding =
                    utf8Evidence == windows1251Evidence
                    ? preferred : (utf8Evidence > windows1251Evidence ? .utf8 : .windows1251)
                tally(encoding)
                if encoding == .windows1251 {
                    output.append(contentsOf: UnsafeBufferPointer(start: base + copyStart, count: index - copyStart))
                    Self.appendWindows1251(run, to: &output)
                    copyStart = end
                }
            case .windows1251:
                tally(.windows1251)
                windows1251Evidence += 1
                output.append(contentsOf: UnsafeBufferPointer(start: base + copyStart, count: index - copyStart))
                Self.appendWindows1251(run, to: &output)
                copyStart = end
            }
            index = end
        }
        output.append(contentsOf: UnsafeBufferPointer(start: base + copyStart, count: count - copyStart))
    }

    /// `bytes` decoded as a String.
    package mutating func decode(_ bytes: [UInt8]) -> String {
        if !bytes.contains(where: { $0 >= 0x80 }) {
            line += bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return String(decoding: bytes, as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        bytes.withUnsafeBufferPointer { appendUTF8($0, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    private mutating func tally(_ encoding: TextEncoding) {
        switch encoding {
        case .utf8:
            utf8Runs += 1
            if firstUTF8Line == 0 { firstUTF8Line = max(line, 1) }
        case .windows1251:
            windows1251Runs += 1
            if firstWindows1251Line == 0 { firstWindows1251Line = max(line, 1) }
        }
    }

    enum Verdict: Equatable { case utf8, ambiguous, windows1251 }

    /// What a run of non-ASCII bytes is.
    static func classify(_ run: UnsafeBufferPointer<UInt8>) -> Verdict {
        var index = 0
        var characters = 0
        // Characters that speak for UTF-8 (three or four bytes, or two and plausible), and against.
        var strong = 0
        var weak = 0
        while index < run.count {
            let lead = run[index]
            // The common case, basic Cyrillic (U+0400–U+047F): two bytes, plausible.
            if lead & 0xFE == 0xD0, index + 1 < run.count, run[index + 1] & 0xC0 == 0x80 {
                characters += 1
                strong += 1
                index += 2
                continue
            }
            let length: Int
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; scalar = UInt32(lead & 0x07)
            default: return .windows1251
            }
            guard index + length <= run.count else { return .windows1251 }
            for offset in 1..<length {
                let byte = run[index + offset]
                guard byte & 0xC0 == 0x80 else { return .windows1251 }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
            guard length != 3 || scalar >= 0x800, length != 4 || (0x10000...0x10FFFF).contains(scalar),
                !(0xD800...0xDFFF).contains(scalar)
            else { return .windows1251 }
            characters += 1
            if length > 2 || isPlausible(scalar) { strong += 1 } else { weak += 1 }
            index += length
        }
        if characters == 1, strong == 1, run.count == 2 { return .ambiguous }
        return strong > 0 && strong >= weak ? .utf8 : .windows1251
    }

    /// Characters a catalog plausibly holds, and Windows-1251 runs misread as UTF-8 rarely give: not
    /// the C1 controls (0x80–0x9F), nor Armenian to Mongolian (U+0530–U+1DFF: an uppercase
    /// `Ф`–`Я` followed by punctuation, in Windows-1251), nor private use.
    private static func isPlausible(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xA0...0x52F: return true  // Latin-1 to Cyrillic Supplement (Kazakh), combining accents, Greek, `ʼ`
        case 0x1E00...0x1FFF, 0x2000...0x2BFF: return true  // Latin and Greek extended, punctuation to symbols
        case 0x3000...0x9FFF, 0xAC00...0xD7AF, 0xFE00...0xFE0F, 0xFF00...0xFFEF: return true  // CJK, Hangul
        case 0x1F000...0x1FAFF: return true  // pictographs (reviews)
        default: return false
        }
    }

    /// Appends the UTF-8 of Windows-1251 `bytes`.
    static func appendWindows1251(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        for byte in bytes {
            let scalar = TextEncoding.windows1251Scalar(byte)
            let value = scalar.value
            if value < 0x80 {
                output.append(UInt8(value))
            } else if value < 0x800 {
                output.append(UInt8(0xC0 | (value >> 6)))
                output.append(UInt8(0x80 | (value & 0x3F)))
            } else {
                output.append(UInt8(0xE0 | (value >> 12)))
                output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (value & 0x3F)))
            }
        }
    }
}
