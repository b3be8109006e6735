/// Runs a ``QueryScorer`` over one segment in windows of documents (see ``QueryScorer``):
/// matches are counted (and passed to `match` for facets), scored hits are offered to a
/// ``HitCollector``.
struct SegmentSearch {
    /// One clause's cursors in this segment.
    private final class Clause {
        let occur: ParsedQuery.Occur
        let idf: Double
        /// Its number among the proximity words, or -1.
        let word: Int
        var cursors: [PostingsCursor] = []
        /// Per cursor: its field and boost.
        var fields: [Int] = []
        var boosts: [Double] = []
        /// Per cursor: whether it is a proximity word's term in the title.
        var titles: [Bool] = []
        /// Phrase clauses: the weighted, normalized frequency per document, ascending.
        var phrase: [(document: Int32, frequency: Double)] = []
        var phraseIndex = 0
        var isPhrase = false

        init(occur: ParsedQuery.Occur, idf: Double, word: Int) {
            self.occur = occur
            self.idf = idf
            self.word = word
        }

        /// The next document this clause is at (`PostingsCursor.end` when exhausted).
        var next: Int32 {
            var smallest = isPhrase && phraseIndex < phrase.count ? phrase[phraseIndex].document : PostingsCursor.end
            for cursor in cursors where cursor.doc < smallest { smallest = cursor.doc }
            return smallest
        }

        /// Moves every cursor to `start` or beyond.
        func advance(to start: Int32) throws {
            for cursor in cursors where cursor.doc < start { try cursor.seek(start) }
            while phraseIndex < phrase.count && phrase[phraseIndex].document < start { phraseIndex += 1 }
        }

        /// Whether a proximity word of this clause is in some title of `[.., end)`.
        func inTitleBefore(_ end: Int32) -> Bool {
            for (position, cursor) in cursors.enumerated() where titles[position] && cursor.doc < end { return true }
            return false
        }
    }

    let scorer: QueryScorer
    let segmentIndex: Int

    /// Searches the segment; returns the number of accepted matching documents.
    ///
    /// - Parameters:
    ///   - collector: Receives scored hits; its threshold prunes windows.
    ///   - accept: Whether a matching document counts (live and passing the filters); `nil`
    ///     accepts all.
    ///   - match: Called once per accepted matching document, in document order (facets).
    /// - Returns: The number of accepted matching documents.
    /// - Throws: ``IndexError`` for damaged postings, or what `accept` and `match` throw.
    func run(
        collector: HitCollector, accept: ((Int) throws -> Bool)?, match: ((Int) throws -> Void)?
    ) throws -> Int {
        let segment = scorer.segments[segmentIndex].reader
        let documentCount = segment.documentCount
        guard documentCount > 0 else { return 0 }
        let clauses = try makeClauses(segment)
        let scoring = clauses.filter { $0.occur != .mustNot }
        let excluded = clauses.filter { $0.occur == .mustNot }
        let required = scoring.filter { $0.occur == .must }
        let matchAll = scoring.isEmpty
        let pairBonuses = scorer.pairBonuses
        let proximity = !pairBonuses.isEmpty
        let k1 = scorer.schema.k1
        // Length factors per text field of this segment.
        var factors: [[Double]] = Array(repeating: [], count: scorer.schema.fields.count)
        var norms: [NormsColumn] = Array(repeating: .empty, count: scorer.schema.fields.count)
        for field in scorer.textFields {
            factors[field] = scorer.lengthFactors(field: field, segment: segment)
            norms[field] = segment.norms(field: field)
        }
        let window = QueryScorer.windowSize
        let words = window / 64
        // Per-window scratch, as raw memory: the posting loops below touch it once per posting.
        let frequencySums = UnsafeMutablePointer<Double>.allocate(capacity: window)
        let scores = UnsafeMutablePointer<Double>.allocate(capacity: window)
        let requiredCounts = UnsafeMutablePointer<UInt16>.allocate(capacity: window)
        // In `any` mode with a minimum: optional clauses matched per document.
        let minimumOptional = scorer.minimumShouldMatch > 1 ? scorer.minimumShouldMatch : 0
        let optionalCounts = UnsafeMutablePointer<UInt16>.allocate(capacity: window)
        // Per document: the proximity words found in its title (bit i = word i).
        let titleWords = UnsafeMutablePointer<UInt64>.allocate(capacity: window)
        let clauseBits = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
        let unionBits = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
        let excludedBits = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
        frequencySums.initialize(repeating: 0, count: window)
        scores.initialize(repeating: 0, count: window)
        requiredCounts.initialize(repeating: 0, count: window)
        optionalCounts.initialize(repeating: 0, count: window)
        titleWords.initialize(repeating: 0, count: window)
        clauseBits.initialize(repeating: 0, count: words)
        unionBits.initialize(repeating: 0, count: words)
        excludedBits.initialize(repeating: 0, count: words)
        defer {
            for pointer in [frequencySums, scores] as [UnsafeMutablePointer<Double>] { pointer.deallocate() }
            requiredCounts.deallocate()
            optionalCounts.deallocate()
            titleWords.deallocate()
            clauseBits.deallocate()
            unionBits.deallocate()
            excludedBits.deallocate()
        }
        // Documents whose proximity bonus is still to be added: (document, BM25F score, bonus bound).
        var pending: [(document: Int, score: Double, bound: Double)] = []
        var total = 0

        /// The largest bonus of the pairs whose words are both in `mask`.
        func bonusBound(_ mask: UInt64) -> Double {
            var pairs = mask & (mask >> 1)
            var bound = 0.0
            while pairs != 0 {
                let pair = pairs.trailingZeroBitCount
                if pair < pairBonuses.count { bound += pairBonuses[pair] }
                pairs &= pairs - 1
            }
            return bound
        }

        var base = 0
        while base < documentCount {
            // The first document that can match from `base` on.
            var first: Int32
            if matchAll {
                first = Int32(base)
            } else if !required.isEmpty {
                first = required.map(\.next).max() ?? PostingsCursor.end
            } else {
                first = scoring.map(\.next).min() ?? PostingsCursor.end
            }
            if first == PostingsCursor.end { break }
            let start = max(base, Int(first) / window * window)
            let end = min(start + window, documentCount)
            guard start < end else { break }
            let end32 = Int32(end)
            for clause in clauses { try clause.advance(to: Int32(start)) }

            // The best score any document of the window can reach.
            let threshold = collector.threshold
            var scoreWindow = true
            if threshold > -.infinity && !matchAll {
                var bound = 0.0
                var titleMask: UInt64 = 0
                for clause in scoring {
                    if clause.word >= 0 && clause.word < 64 && clause.inTitleBefore(end32) {
                        titleMask |= 1 << UInt64(clause.word)
                    }
                    var frequency = 0.0
                    if clause.isPhrase && clause.phraseIndex < clause.phrase.count
                        && clause.phrase[clause.phraseIndex].document < end32
                    {
                        frequency = .infinity
                    }
                    for (position, cursor) in clause.cursors.enumerated() where cursor.doc < end32 {
                        let (maximumFrequency, minimumLength) = cursor.bound(before: end32)
                        if maximumFrequency == UInt32.max {
                            frequency = .infinity
                            break
                        }
                        let table = factors[clause.fields[position]]
                        let factor = table[min(Int(minimumLength), table.count - 1)]
                        frequency += clause.boosts[position] * Double(maximumFrequency) * factor
                    }
                    guard frequency > 0 else { continue }
                    bound += frequency.isInfinite ? clause.idf * (k1 + 1) : scorer.saturated(frequency, idf: clause.idf)
                }
                bound += bonusBound(titleMask)
                scoreWindow = bound + 1e-9 * (1 + bound) > threshold
            }

            // Clauses, term at a time.
            for clause in scoring {
                let must = clause.occur == .must
                let idf = clause.idf
                if clause.isPhrase {
                    while clause.phraseIndex < clause.phrase.count {
                        let (document, frequency) = clause.phrase[clause.phraseIndex]
                        guard document < end32 else { break }
                        let slot = Int(document) - start
                        if scoreWindow { frequencySums[slot] += frequency }
                        clauseBits[slot >> 6] |= 1 << UInt64(slot & 63)
                        clause.phraseIndex += 1
                    }
                }
                for (position, cursor) in clause.cursors.enumerated() where cursor.doc < end32 {
                    if scoreWindow {
                        let field = clause.fields[position]
                        let titleBit: UInt64 =
                            proximity && clause.titles[position] && clause.word < 64 ? 1 << UInt64(clause.word) : 0
                        try factors[field].withUnsafeBufferPointer { table in
                            try Self.score(
                                cursor, start: start, end: end, boost: clause.boosts[position], norms: norms[field],
                                factors: table, sums: frequencySums, bits: clauseBits,
                                titleWords: titleBit != 0 ? titleWords : nil, titleBit: titleBit)
                        }
                    } else {
                        try Self.mark(cursor, start: start, end: end, bits: clauseBits)
                    }
                }
                // Fold the clause: saturate once per document, count required matches.
                for word in 0..<words where clauseBits[word] != 0 {
                    var bits = clauseBits[word]
                    while bits != 0 {
                        let slot = word << 6 | bits.trailingZeroBitCount
                        if scoreWindow {
                            scores[slot] += scorer.saturated(frequencySums[slot], idf: idf)
                            frequencySums[slot] = 0
                        }
                        if must {
                            requiredCounts[slot] &+= 1
                        } else if minimumOptional > 0 {
                            optionalCounts[slot] &+= 1
                        }
                        bits &= bits - 1
                    }
                    unionBits[word] |= clauseBits[word]
                    clauseBits[word] = 0
                }
            }
            for clause in excluded {
                for cursor in clause.cursors where cursor.doc < end32 {
                    try Self.mark(cursor, start: start, end: end, bits: excludedBits)
                }
                while clause.phraseIndex < clause.phrase.count {
                    let document = clause.phrase[clause.phraseIndex].document
                    guard document < end32 else { break }
                    let slot = Int(document) - start
                    excludedBits[slot >> 6] |= 1 << UInt64(slot & 63)
                    clause.phraseIndex += 1
                }
            }
            if matchAll {
                for slot in 0..<(end - start) { unionBits[slot >> 6] |= 1 << UInt64(slot & 63) }
            }

            // Emit the window's matches in document order.
            let requiredCount = UInt16(truncatingIfNeeded: required.count)
            var emitThreshold = collector.threshold
            for word in 0..<words where unionBits[word] != 0 {
                var bits = unionBits[word]
                let skip = excludedBits[word]
                unionBits[word] = 0
                excludedBits[word] = 0
                while bits != 0 {
                    let bit = bits.trailingZeroBitCount
                    let slot = word << 6 | bit
                    bits &= bits - 1
                    let score = scores[slot]
                    let requiredMatches = requiredCounts[slot]
                    scores[slot] = 0
                    requiredCounts[slot] = 0
                    var mask: UInt64 = 0
                    if proximity {
                        mask = titleWords[slot]
                        titleWords[slot] = 0
                    }
                    if minimumOptional > 0 {
                        let optional = Int(optionalCounts[slot])
                        optionalCounts[slot] = 0
                        if optional < minimumOptional { continue }
                    }
                    if skip & (1 << UInt64(bit)) != 0 || requiredMatches != requiredCount { continue }
                    let document = start + slot
                    if let accept, try !accept(document) { continue }
                    total += 1
                    if let match { try match(document) }
                    guard scoreWindow else { continue }
                    let bound = proximity ? bonusBound(mask) : 0
                    guard score + bound > emitThreshold else { continue }
                    collector.noteLowerBound(score)
                    if bound > 0 {
                        pending.append((document, score, bound))
                    } else {
                        collector.offer(
                            HitCollector.Entry(
                                segment: segmentIndex, document: document, score: score,
                                sortValue: sortValue(segment, document, collector)))
                    }
                    emitThreshold = collector.threshold
                }
            }
            for word in 0..<words { excludedBits[word] = 0 }
            base = end
        }

        // The proximity bonus of documents that may still become hits.
        let threshold = collector.threshold
        let candidates = pending.filter { $0.score + $0.bound > threshold }
        guard !candidates.isEmpty else { return total }
        let bonuses = try scorer.proximityBonuses(candidates.map(\.document), segment: segmentIndex)
        for (candidate, bonus) in zip(candidates, bonuses) {
            collector.offer(
                HitCollector.Entry(
                    segment: segmentIndex, document: candidate.document, score: candidate.score + bonus,
                    sortValue: sortValue(segment, candidate.document, collector)))
        }
        return total
    }

    private func sortValue(_ segment: SegmentReader, _ document: Int, _ collector: HitCollector) -> Double? {
        guard let sort = collector.sort else { return nil }
        return segment.number(field: sort.field, document: document)
    }

    /// Marks the cursor's documents in `[start, end)` without reading frequencies.
    @inline(__always)
    private static func mark(_ cursor: PostingsCursor, start: Int, end: Int, bits: UnsafeMutablePointer<UInt64>) throws
    {
        let end32 = Int32(end)
        while cursor.doc < end32 {
            let docs = cursor.docs
            let count = cursor.blockCount
            var at = cursor.index
            while at < count {
                let document = Int(docs[at])
                if document >= end { break }
                let slot = document - start
                bits[slot >> 6] |= 1 << UInt64(slot & 63)
                at += 1
            }
            try cursor.move(toBlockIndex: at)
        }
    }

    /// Adds the cursor's weighted, length-normalized frequencies in `[start, end)` to `sums` and
    /// marks its documents (and `titleBit` in `titleWords` when given).
    @inline(__always)
    private static func score(
        _ cursor: PostingsCursor, start: Int, end: Int, boost: Double, norms: NormsColumn,
        factors: UnsafeBufferPointer<Double>, sums: UnsafeMutablePointer<Double>, bits: UnsafeMutablePointer<UInt64>,
        titleWords: UnsafeMutablePointer<UInt64>?, titleBit: UInt64
    ) throws {
        let end32 = Int32(end)
        let last = factors.count - 1
        guard let table = factors.baseAddress else { return }
        let packed = norms.packed
        while cursor.doc < end32 {
            cursor.ensureFrequencies()
            let docs = cursor.docs
            let frequencies = cursor.frequencies
            let count = cursor.blockCount
            var at = cursor.index
            while at < count {
                let document = Int(docs[at])
                if document >= end { break }
                let slot = document - start
                let length: Int
                if let packed {
                    length = Int(BitPacking.get(packed.base, index: document, width: packed.width))
                } else {
                    length = norms.length(document)
                }
                sums[slot] += boost * Double(frequencies[at]) * table[min(length, last)]
                bits[slot >> 6] |= 1 << UInt64(slot & 63)
                if let titleWords { titleWords[slot] |= titleBit }
                at += 1
            }
            try cursor.move(toBlockIndex: at)
        }
    }

    /// Opens the cursors of every clause in this segment.
    private func makeClauses(_ segment: SegmentReader) throws -> [Clause] {
        var result: [Clause] = []
        var word = 0
        for resolved in scorer.clauses {
            let isWord = resolved.clause.occur != .mustNot && !resolved.clause.isPhrase && resolved.clause.prefix == nil
            let clause = Clause(occur: resolved.clause.occur, idf: resolved.idf, word: isWord ? word : -1)
            if isWord { word += 1 }
            if resolved.clause.isPhrase {
                clause.isPhrase = true
                var sums: [Int32: Double] = [:]
                for field in scorer.textFields {
                    guard case .text(let weight, _, _) = scorer.schema.fields[field].kind, weight > 0 else { continue }
                    let words = resolved.terms.map { $0[field] ?? [] }
                    let found = try scorer.phraseFrequencies(words, field: field, segment: segmentIndex)
                    guard !found.isEmpty else { continue }
                    let table = scorer.lengthFactors(field: field, segment: segment)
                    for (document, frequency) in found {
                        let length = min(segment.norm(field: field, document: Int(document)), table.count - 1)
                        sums[document, default: 0] += frequency * table[length]
                    }
                }
                clause.phrase = sums.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }
            } else {
                for field in scorer.textFields {
                    guard case .text(let weight, _, _) = scorer.schema.fields[field].kind, weight > 0 else { continue }
                    for term in resolved.terms.first?[field] ?? [] {
                        guard let info = try scorer.terms.info(segment: segmentIndex, field: field, term: term.term)
                        else { continue }
                        let cursor = try segment.cursor(field: field, info: info)
                        try cursor.next()
                        clause.cursors.append(cursor)
                        clause.fields.append(field)
                        clause.boosts.append(term.boost)
                        clause.titles.append(isWord && field == scorer.titleField)
                    }
                }
            }
            result.append(clause)
        }
        return result
    }
}
