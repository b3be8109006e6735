/// Turns word-break segments into ``RawToken``s without building Strings: joins compounds, splits
/// model codes and units, joins digit groups.
///
/// The rules are described on ``WordTokenizer``; ``ReferenceTokenAssembler`` is the original
/// String-building implementation, and a test checks both emit the same tokens.
struct ByteTokenAssembler {
    /// A maximal run of letters or of digits (with inner decimal separators) in a segment.
    struct Run {
        var range: Range<Int>
        var isDigits: Bool
    }

    /// The UTF-8 text.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The segments, covering the whole text.
    let segments: UnsafeBufferPointer<WordBreaker.Segment>
    /// The longest token before it is chunked.
    let maximumTokenBytes: Int
    /// Whether compounds and model codes are followed by their parts.
    let emitsParts: Bool
    /// The output.
    var tokens: [RawToken]
    /// Rewritten terms.
    var scratch: [UInt8]
    /// Runs of the segment being classified (reused).
    var runs: [Run]
    /// The next free position.
    private var position = 0
    /// The kind of the last emitted non-part token, to recognize `128 гб`.
    private var previousKind: TokenKind?
    /// The segment index just after the last emitted word-like segment.
    private var previousEnd = -1

    init(
        bytes: UnsafeBufferPointer<UInt8>, segments: UnsafeBufferPointer<WordBreaker.Segment>, tokenizer: WordTokenizer,
        buffer: inout TokenBuffer
    ) {
        self.bytes = bytes
        self.segments = segments
        self.maximumTokenBytes = tokenizer.maximumTokenBytes
        self.emitsParts = tokenizer.emitsParts
        tokens = []
        scratch = []
        runs = []
        swap(&tokens, &buffer.tokens)
        swap(&scratch, &buffer.scratch)
        swap(&runs, &buffer.runs)
    }

    /// Gives the output and scratch arrays back to `buffer`.
    mutating func finish(into buffer: inout TokenBuffer) {
        swap(&tokens, &buffer.tokens)
        swap(&scratch, &buffer.scratch)
        swap(&runs, &buffer.runs)
    }

    /// Emits every token of the text.
    mutating func run() {
        var index = 0
        let count = segments.count
        while index < count {
            let segment = segments[index]
            if !segment.isWordLike {
                if previousKind == .number, previousEnd == index, isInchMark(segment.range) {
                    emit(
                        kind: .unit, range: segment.range, scratchTerm: StaticString("in"), flags: [])
                    previousEnd = index + 1
                }
                index += 1
                continue
            }
            // Collect a hyphenated compound: word-like segments joined by single hyphens.
            var next = index + 1
            var partCount = 1
            while next + 1 < count, partCount < 16, segments[next + 1].isWordLike, isHyphen(segments[next].range) {
                partCount += 1
                next += 2
            }
            if partCount > 1 {
                emitCompound(from: index, partCount: partCount)
            } else {
                var range = segment.range
                // Join digit groups that ICU split at a no-break or thin space: "30 000".
                if segment.isNumber {
                    while next + 1 < count, segments[next + 1].isNumber, segments[next + 1].range.count == 3,
                        isGroupSpace(segments[next].range), isAllDigits(segments[next + 1].range)
                    {
                        range = range.lowerBound..<segments[next + 1].range.upperBound
                        next += 2
                    }
                }
                emitSingle(range, followedBy: next < count ? next : nil, mayHaveDigit: segment.mayHaveDigit)
            }
            previousEnd = next
            index = next
        }
    }

    // MARK: - Emitting

    /// Emits a hyphenated compound of `partCount` word-like segments starting at segment `first`
    /// (every other segment is a hyphen): the whole, then each part at its own position.
    private mutating func emitCompound(from first: Int, partCount: Int) {
        let whole = segments[first].range.lowerBound..<segments[first + 2 * (partCount - 1)].range.upperBound
        guard whole.count <= maximumTokenBytes else {
            for part in 0..<partCount { emitSingle(segments[first + 2 * part].range, followedBy: nil) }
            return
        }
        let start = position
        var kind = TokenKind.word
        for part in 0..<partCount where classify(segments[first + 2 * part]) != .word {
            kind = .modelCode
            break
        }
        var flags: TokenFlags = [.compound]
        if kind == .modelCode { flags.insert(.keyword) }
        append(
            kind: kind, flags: flags, range: whole, term: .text(whole), position: start,
            positionLength: emitsParts ? partCount : 1)
        if emitsParts {
            for offset in 0..<partCount {
                let part = segments[first + 2 * offset].range
                let partKind = classify(segments[first + 2 * offset])
                var partFlags: TokenFlags = [.part]
                if partKind != .word { partFlags.insert(.keyword) }
                append(
                    kind: partKind, flags: partFlags, range: part,
                    term: partKind == .number ? numberTerm(part) : .text(part), position: start + offset,
                    positionLength: 1)
            }
            position = start + partCount
        } else {
            position = start + 1
        }
        previousKind = kind
    }

    /// Emits one word-like segment: a word, a number, a number with its unit, or a model code.
    ///
    /// `mayHaveDigit` false: the segmenter saw no digit in it (no need to look for one).
    private mutating func emitSingle(_ range: Range<Int>, followedBy next: Int?, mayHaveDigit: Bool = true) {
        if range.count > maximumTokenBytes {
            emitChunks(range)
            return
        }
        if !mayHaveDigit || !containsDigit(range) {
            // Letters only: the common case, no runs to split.
            if previousKind == .number, previousEnd >= 0, let code = spacedUnit(range, next: next) {
                emit(kind: .unit, range: range, term: storeScratch(code), flags: [])
            } else {
                emit(kind: .word, range: range, term: .text(range), flags: [])
            }
            return
        }
        alphanumericRuns(range)
        if runs.count == 1 {
            // A segment with a digit and a single run is a number.
            emit(kind: .number, range: range, term: numberTerm(range), flags: [])
            return
        }
        // Digits then letters that spell a unit: "128гб", "2.5л".
        if runs.count == 2, runs[0].isDigits, let code = unitCode(runs[1].range) {
            let number = runs[0].range
            let unit = runs[1].range
            emit(kind: .number, range: number, term: numberTerm(number), flags: [])
            emit(kind: .unit, range: unit, term: storeScratch(code), flags: [])
            return
        }
        // A model code: whole, then its runs.
        let start = position
        append(
            kind: .modelCode, flags: [.keyword, .compound], range: range, term: .text(range), position: start,
            positionLength: emitsParts ? runs.count : 1)
        if emitsParts {
            for offset in runs.indices {
                let run = runs[offset]
                append(
                    kind: run.isDigits ? .number : .word, flags: [.part, .keyword], range: run.range,
                    term: run.isDigits ? numberTerm(run.range) : .text(run.range), position: start + offset,
                    positionLength: 1)
            }
            position = start + runs.count
        } else {
            position = start + 1
        }
        previousKind = .modelCode
    }

    /// Splits an over-long segment into chunks of at most `maximumTokenBytes`, at scalar starts.
    private mutating func emitChunks(_ range: Range<Int>) {
        var start = range.lowerBound
        while start < range.upperBound {
            var end = min(start + maximumTokenBytes, range.upperBound)
            // Step back to the start of a UTF-8 sequence (never split a scalar).
            while end < range.upperBound, end > start + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            emit(kind: .word, range: start..<end, term: .text(start..<end), flags: [])
            start = end
        }
    }

    /// Where a term's bytes are.
    private enum Term {
        case text(Range<Int>)
        case scratch(Range<Int>)
    }

    /// Appends a one-position token and advances the position.
    private mutating func emit(kind: TokenKind, range: Range<Int>, term: Term, flags: TokenFlags) {
        append(kind: kind, flags: flags, range: range, term: term, position: position, positionLength: 1)
        position += 1
        previousKind = kind
    }

    /// Appends a one-position token whose term is a constant.
    private mutating func emit(kind: TokenKind, range: Range<Int>, scratchTerm: StaticString, flags: TokenFlags) {
        let start = scratch.count
        scratchTerm.withUTF8Buffer { scratch.append(contentsOf: $0) }
        emit(kind: kind, range: range, term: .scratch(start..<scratch.count), flags: flags)
    }

    private mutating func append(
        kind: TokenKind, flags: TokenFlags, range: Range<Int>, term: Term, position: Int, positionLength: Int
    ) {
        let termRange: Range<Int>
        let inScratch: Bool
        switch term {
        case .text(let range):
            termRange = range
            inScratch = false
        case .scratch(let range):
            termRange = range
            inScratch = true
        }
        tokens.append(
            RawToken(
                start: Int32(truncatingIfNeeded: range.lowerBound), end: Int32(truncatingIfNeeded: range.upperBound),
                termStart: Int32(truncatingIfNeeded: termRange.lowerBound),
                termEnd: Int32(truncatingIfNeeded: termRange.upperBound), termInScratch: inScratch, kind: kind,
                flags: flags, position: Int32(truncatingIfNeeded: position),
                positionLength: Int32(truncatingIfNeeded: positionLength)))
    }

    /// Copies `text` into the scratch bytes.
    private mutating func storeScratch(_ text: String) -> Term {
        let start = scratch.count
        scratch.append(contentsOf: text.utf8)
        return .scratch(start..<scratch.count)
    }

    // MARK: - Classification

    /// Splits a segment into letter runs and digit runs (into `runs`); `.`/`,` between digits
    /// stay in the number, apostrophes stay in letters.
    private mutating func alphanumericRuns(_ range: Range<Int>) {
        runs.removeAll(keepingCapacity: true)
        var index = range.lowerBound
        while index < range.upperBound {
            let isDigit = isASCIIDigit(bytes[index])
            var end = index + 1
            while end < range.upperBound {
                let byte = bytes[end]
                if isDigit {
                    if isASCIIDigit(byte) {
                        end += 1
                        continue
                    }
                    if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ","), end + 1 < range.upperBound,
                        isASCIIDigit(bytes[end + 1])
                    {
                        end += 2
                        continue
                    }
                    // ICU keeps "30 000" with a narrow no-break space as one segment.
                    let space = groupSpaceLength(at: end)
                    if space > 0, end + space < range.upperBound, isASCIIDigit(bytes[end + space]) {
                        end += space
                        continue
                    }
                    break
                } else {
                    if isASCIIDigit(byte) { break }
                    end += 1
                }
            }
            runs.append(Run(range: index..<end, isDigits: isDigit))
            index = end
        }
    }

    /// The kind a single segment would get on its own.
    private mutating func classify(_ segment: WordBreaker.Segment) -> TokenKind {
        let range = segment.range
        if !segment.mayHaveDigit || !containsDigit(range) { return .word }
        alphanumericRuns(range)
        if runs.count == 1 { return runs[0].isDigits ? .number : .word }
        return .modelCode
    }

    /// The canonical unit code when `range` is a unit word written after a number.
    ///
    /// Single-letter units (`л`, `в`, `м`) count only when no number follows, so `3 в 1` keeps
    /// its `в`.
    private func spacedUnit(_ range: Range<Int>, next: Int?) -> String? {
        guard let code = unitCode(range) else { return nil }
        if let next, isSingleCharacter(range), followingWordIsNumber(from: next) { return nil }
        return code
    }

    /// The unit code spelled by the bytes of `range`.
    private func unitCode(_ range: Range<Int>) -> String? {
        Units.code(for: UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// True when `range` is one Character (grapheme cluster).
    private func isSingleCharacter(_ range: Range<Int>) -> Bool {
        // One scalar is one Character; longer text is rare here (a unit spelling with accents).
        var scalars = 0
        for index in range where bytes[index] & 0xC0 != 0x80 { scalars += 1 }
        if scalars == 1 { return true }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).count == 1
    }

    /// True when the next word-like segment from `index` (skipping spaces) is a number.
    private func followingWordIsNumber(from index: Int) -> Bool {
        var index = index
        while index < segments.count, !segments[index].isWordLike { index += 1 }
        return index < segments.count && segments[index].isNumber
    }

    // MARK: - Bytes

    /// The number's text with group spaces removed and a decimal comma as a dot; the text itself
    /// when it is only digits.
    private mutating func numberTerm(_ range: Range<Int>) -> Term {
        if isAllDigits(range) { return .text(range) }
        let start = scratch.count
        for index in range {
            let byte = bytes[index]
            if isASCIIDigit(byte) {
                scratch.append(byte)
            } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") {
                scratch.append(UInt8(ascii: "."))
            }
        }
        return scratch.count == start ? .text(range) : .scratch(start..<scratch.count)
    }

    @inline(__always)
    private func isASCIIDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10
    }

    private func containsDigit(_ range: Range<Int>) -> Bool {
        for index in range where isASCIIDigit(bytes[index]) { return true }
        return false
    }

    private func isAllDigits(_ range: Range<Int>) -> Bool {
        for index in range where !isASCIIDigit(bytes[index]) { return false }
        return true
    }

    /// `-` (U+002D), `‐` (U+2010) or `‑` (U+2011) alone.
    private func isHyphen(_ range: Range<Int>) -> Bool {
        if range.count == 1 { return bytes[range.lowerBound] == UInt8(ascii: "-") }
        return range.count == 3 && bytes[range.lowerBound] == 0xE2 && bytes[range.lowerBound + 1] == 0x80
            && (bytes[range.lowerBound + 2] == 0x90 || bytes[range.lowerBound + 2] == 0x91)
    }

    /// True when `range` is exactly one digit-group separator.
    private func isGroupSpace(_ range: Range<Int>) -> Bool {
        let length = groupSpaceLength(at: range.lowerBound)
        return length > 0 && length == range.count
    }

    /// The byte length of a digit-group separator at `index`: a no-break space (U+00A0), narrow
    /// no-break space (U+202F) or thin space (U+2009); 0 when there is none.
    private func groupSpaceLength(at index: Int) -> Int {
        if index + 1 < bytes.count, bytes[index] == 0xC2, bytes[index + 1] == 0xA0 { return 2 }
        if index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80,
            bytes[index + 2] == 0xAF || bytes[index + 2] == 0x89
        {
            return 3
        }
        return 0
    }

    /// `"`, `″` (U+2033) or `”` (U+201D) right after a number: inches.
    private func isInchMark(_ range: Range<Int>) -> Bool {
        if range.count == 1 { return bytes[range.lowerBound] == UInt8(ascii: "\"") }
        return range.count == 3 && bytes[range.lowerBound] == 0xE2 && bytes[range.lowerBound + 1] == 0x80
            && (bytes[range.lowerBound + 2] == 0xB3 || bytes[range.lowerBound + 2] == 0x9D)
    }
}
