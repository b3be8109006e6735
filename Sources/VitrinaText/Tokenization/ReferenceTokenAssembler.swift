/// The reference tokenizer: the original String-building assembler over ICU segments, kept to
/// prove that ``ByteTokenAssembler`` (and the byte segmenter) give exactly the same tokens.
///
/// The rules are described on ``WordTokenizer``.
struct ReferenceTokenAssembler {
    /// The UTF-8 text.
    let bytes: UnsafeBufferPointer<UInt8>
    /// ICU's segments, covering the whole text.
    let segments: [WordBreaker.Segment]
    /// The configuration.
    let tokenizer: WordTokenizer
    /// The next free position.
    private var position = 0
    /// The kind of the last emitted non-part token, to recognize `128 гб`.
    private var previousKind: TokenKind?
    /// The segment index just after the last emitted word-like segment.
    private var previousEnd = -1

    init(bytes: UnsafeBufferPointer<UInt8>, segments: [WordBreaker.Segment], tokenizer: WordTokenizer) {
        self.bytes = bytes
        self.segments = segments
        self.tokenizer = tokenizer
    }

    /// Emits every token of the text.
    mutating func run(into tokens: inout [Token]) {
        var index = 0
        while index < segments.count {
            let segment = segments[index]
            if !segment.isWordLike {
                if isInchMark(segment), previousKind == .number, previousEnd == index {
                    emit(Token(term: "in", kind: .unit, position: position, byteRange: segment.range), into: &tokens)
                    previousEnd = index + 1
                }
                index += 1
                continue
            }
            // Collect a hyphenated compound: word-like segments joined by single hyphens.
            var parts = [segment.range]
            var next = index + 1
            while next + 1 < segments.count, isHyphen(segments[next]), segments[next + 1].isWordLike, parts.count < 16 {
                parts.append(segments[next + 1].range)
                next += 2
            }
            // Join digit groups that ICU split at a no-break or thin space: "30 000".
            if parts.count == 1, segment.isNumber {
                var end = segment.range.upperBound
                while next + 1 < segments.count, isGroupSpace(segments[next]), segments[next + 1].isNumber,
                    segments[next + 1].range.count == 3, isAllDigits(segments[next + 1].range)
                {
                    end = segments[next + 1].range.upperBound
                    next += 2
                }
                parts[0] = segment.range.lowerBound..<end
            }
            if parts.count > 1 {
                emitCompound(parts, into: &tokens)
            } else {
                emitSingle(parts[0], followedBy: next < segments.count ? next : nil, into: &tokens)
            }
            previousEnd = next
            index = next
        }
    }

    // MARK: - Emitting

    /// Emits a hyphenated compound: the whole, then each part at its own position.
    private mutating func emitCompound(_ parts: [Range<Int>], into tokens: inout [Token]) {
        let whole = parts[0].lowerBound..<parts[parts.count - 1].upperBound
        guard whole.count <= tokenizer.maximumTokenBytes else {
            for part in parts { emitSingle(part, followedBy: nil, into: &tokens) }
            return
        }
        let start = position
        let allDigits = parts.allSatisfy(isAllDigits)
        let kind: TokenKind = allDigits ? .modelCode : (parts.contains { classify($0) != .word } ? .modelCode : .word)
        var flags: TokenFlags = [.compound]
        if kind == .modelCode { flags.insert(.keyword) }
        tokens.append(
            Token(
                term: text(whole), kind: kind, flags: flags, position: start,
                positionLength: tokenizer.emitsParts ? parts.count : 1, byteRange: whole))
        if tokenizer.emitsParts {
            for (offset, part) in parts.enumerated() {
                let partKind = classify(part)
                var partFlags: TokenFlags = [.part]
                if partKind != .word { partFlags.insert(.keyword) }
                tokens.append(
                    Token(
                        term: partKind == .number ? numberTerm(part) : text(part), kind: partKind,
                        flags: partFlags, position: start + offset, byteRange: part))
            }
            position = start + parts.count
        } else {
            position = start + 1
        }
        previousKind = kind
    }

    /// Emits one word-like segment: a word, a number, a number with its unit, or a model code.
    private mutating func emitSingle(_ range: Range<Int>, followedBy next: Int?, into tokens: inout [Token]) {
        if range.count > tokenizer.maximumTokenBytes {
            emitChunks(range, into: &tokens)
            return
        }
        if !range.contains(where: { isASCIIDigit(bytes[$0]) }) {
            // Letters only: the common case, no runs to split.
            if previousKind == .number, previousEnd >= 0, let code = spacedUnit(range, next: next) {
                emit(Token(term: code, kind: .unit, position: position, byteRange: range), into: &tokens)
            } else {
                emit(Token(term: text(range), kind: .word, position: position, byteRange: range), into: &tokens)
            }
            return
        }
        let runs = alphanumericRuns(range)
        if runs.count == 1 {
            // A segment with a digit and a single run is a number.
            emit(Token(term: numberTerm(range), kind: .number, position: position, byteRange: range), into: &tokens)
            return
        }
        // Digits then letters that spell a unit: "128гб", "2.5л".
        if runs.count == 2, runs[0].isDigits, let code = Units.code(for: substring(runs[1].range)) {
            emit(
                Token(
                    term: numberTerm(runs[0].range), kind: .number, position: position,
                    byteRange: runs[0].range), into: &tokens)
            emit(Token(term: code, kind: .unit, position: position, byteRange: runs[1].range), into: &tokens)
            return
        }
        // A model code: whole, then its runs.
        let start = position
        tokens.append(
            Token(
                term: text(range), kind: .modelCode, flags: [.keyword, .compound], position: start,
                positionLength: tokenizer.emitsParts ? runs.count : 1, byteRange: range))
        if tokenizer.emitsParts {
            for (offset, run) in runs.enumerated() {
                let kind: TokenKind = run.isDigits ? .number : .word
                tokens.append(
                    Token(
                        term: run.isDigits ? numberTerm(run.range) : text(run.range), kind: kind,
                        flags: [.part, .keyword], position: start + offset, byteRange: run.range))
            }
            position = start + runs.count
        } else {
            position = start + 1
        }
        previousKind = .modelCode
    }

    /// Splits an over-long segment into chunks of at most `maximumTokenBytes`, at scalar starts.
    private mutating func emitChunks(_ range: Range<Int>, into tokens: inout [Token]) {
        var start = range.lowerBound
        while start < range.upperBound {
            var end = min(start + tokenizer.maximumTokenBytes, range.upperBound)
            // Step back to the start of a UTF-8 sequence (never split a scalar).
            while end < range.upperBound, end > start + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            emit(Token(term: text(start..<end), kind: .word, position: position, byteRange: start..<end), into: &tokens)
            start = end
        }
    }

    /// Appends a one-position token and advances the position.
    private mutating func emit(_ token: Token, into tokens: inout [Token]) {
        var token = token
        token.position = position
        tokens.append(token)
        position += 1
        previousKind = token.kind
    }

    // MARK: - Classification

    /// A maximal run of letters or of digits (with inner decimal separators) in a segment.
    private struct Run {
        var range: Range<Int>
        var isDigits: Bool
    }

    /// Splits a segment into letter runs and digit runs; `.`/`,` between digits stay in the number,
    /// apostrophes stay in letters.
    private func alphanumericRuns(_ range: Range<Int>) -> [Run] {
        var runs: [Run] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let isDigit = isASCIIDigit(bytes[index])
            var end = index + 1
            while end < range.upperBound {
                let byte = bytes[end]
                if isDigit {
                    if isASCIIDigit(byte) { end += 1; continue }
                    if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ","), end + 1 < range.upperBound,
                        isASCIIDigit(bytes[end + 1])
                    {
                        end += 2
                        continue
                    }
                    // ICU keeps "30 000" with a no-break or thin space as one segment.
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
        return runs
    }

    /// The kind a single segment would get on its own.
    private func classify(_ range: Range<Int>) -> TokenKind {
        if !range.contains(where: { isASCIIDigit(bytes[$0]) }) { return .word }
        let runs = alphanumericRuns(range)
        if runs.count == 1 { return runs[0].isDigits ? .number : .word }
        return .modelCode
    }

    /// The canonical unit code when `range` is a unit word written after a number.
    ///
    /// Single-letter
    /// units (`л`, `в`, `м`) count only when no number follows, so `3 в 1` keeps its `в`.
    private func spacedUnit(_ range: Range<Int>, next: Int?) -> String? {
        guard let code = Units.code(for: substring(range)) else { return nil }
        if substring(range).count == 1, let next, followingWordIsNumber(from: next) { return nil }
        return code
    }

    /// True when the next word-like segment from `index` (skipping spaces) is a number.
    private func followingWordIsNumber(from index: Int) -> Bool {
        var index = index
        while index < segments.count, !segments[index].isWordLike { index += 1 }
        return index < segments.count && segments[index].isNumber
    }

    // MARK: - Bytes

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private func substring(_ range: Range<Int>) -> Substring {
        Substring(text(range))
    }

    /// The number's text with group spaces removed and a decimal comma as a dot.
    private func numberTerm(_ range: Range<Int>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(range.count)
        for index in range {
            let byte = bytes[index]
            if isASCIIDigit(byte) {
                result.append(byte)
            } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") {
                result.append(UInt8(ascii: "."))
            }
        }
        return result.isEmpty ? text(range) : String(decoding: result, as: UTF8.self)
    }

    private func isASCIIDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    private func isAllDigits(_ range: Range<Int>) -> Bool {
        range.allSatisfy { isASCIIDigit(bytes[$0]) }
    }

    /// `-` (U+002D), `‐` (U+2010) or `‑` (U+2011) alone.
    private func isHyphen(_ segment: WordBreaker.Segment) -> Bool {
        let range = segment.range
        if range.count == 1 { return bytes[range.lowerBound] == UInt8(ascii: "-") }
        return range.count == 3 && bytes[range.lowerBound] == 0xE2 && bytes[range.lowerBound + 1] == 0x80
            && (bytes[range.lowerBound + 2] == 0x90 || bytes[range.lowerBound + 2] == 0x91)
    }

    /// True when `segment` is exactly one digit-group separator.
    private func isGroupSpace(_ segment: WordBreaker.Segment) -> Bool {
        let length = groupSpaceLength(at: segment.range.lowerBound)
        return length > 0 && length == segment.range.count
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
    private func isInchMark(_ segment: WordBreaker.Segment) -> Bool {
        let range = segment.range
        if range.count == 1 { return bytes[range.lowerBound] == UInt8(ascii: "\"") }
        return range.count == 3 && bytes[range.lowerBound] == 0xE2
            && ((bytes[range.lowerBound + 1] == 0x80 && bytes[range.lowerBound + 2] == 0xB3)
                || (bytes[range.lowerBound + 1] == 0x80 && bytes[range.lowerBound + 2] == 0x9D))
    }
}
