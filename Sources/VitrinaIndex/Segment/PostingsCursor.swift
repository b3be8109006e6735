/// One term's entry in a field's dictionary.
struct TermInfo {
    var documentFrequency: Int
    var postingsOffset: Int
    var positionsOffset: Int
    /// The largest frequency of the term in any document (`UInt32.max` when unknown: format 1).
    var maximumFrequency: UInt32
    /// The smallest field length among its documents (0 when unknown).
    var minimumLength: UInt32
}

/// Where one field's postings and positions live in a segment file.
struct PostingsSource {
    /// The whole file.
    let file: UnsafeRawBufferPointer
    let path: String
    /// The field's `postings` and `positions` sections (file offsets).
    let postings: Range<Int>
    let positions: Range<Int>
    let documentCount: Int
    let formatVersion: UInt32
}

/// Walks one term's postings in document order, a block of up to 128 documents at a time:
/// `next`, `seek` (skipping whole blocks by their skip entries), frequencies decoded only when
/// asked, positions read only for phrases and proximity, and block-max bounds for pruning.
///
/// Every block is checked when decoded (widths, lengths, documents ascending and within the
/// segment), so a damaged file gives ``IndexError``, never a bad memory access.
final class PostingsCursor {
    /// `doc` once the postings are exhausted.
    static let end = Int32.max

    /// The current document, or ``end``.
    private(set) var doc: Int32 = -1
    /// The current position in the block.
    private(set) var index = 0
    /// Documents in the current block.
    private(set) var blockCount = 0
    /// Documents of the current block.
    let docs: UnsafeMutablePointer<UInt32>
    /// Frequencies of the current block (valid after ``ensureFrequencies()``).
    let frequencies: UnsafeMutablePointer<UInt32>
    private let capacity: Int

    private let source: PostingsSource
    let info: TermInfo
    /// Blocks of the list; the current one.
    private let blockTotal: Int
    private(set) var block = -1
    /// The document before the current block (-1 for the first).
    private var previousLast = -1
    /// The current block's last document.
    private(set) var blockLast: Int32 = -1
    private var frequenciesReady = false
    /// Absolute file offset of the current block's packed frequencies (full format-2 blocks).
    private var frequencyData = 0
    private var frequencyWidth = 0
    /// Absolute file offset of the skip table (format 2, more than one block), else -1.
    private let skipTable: Int
    /// Absolute file offset of the term's postings.
    private let termStart: Int
    // Positions: the offset of the positions of document `positionIndex` of the block.
    private var positionOffset = 0
    private var positionIndex = 0

    /// A cursor before the first document; call ``next()`` to start.
    init(source: PostingsSource, info: TermInfo) throws {
        self.source = source
        self.info = info
        let frequency = info.documentFrequency
        guard info.postingsOffset >= 0, info.postingsOffset < source.postings.count else {
            throw IndexError.corrupt(
                file: source.path, offset: source.postings.lowerBound,
                "postings offset \(info.postingsOffset) out of range")
        }
        termStart = source.postings.lowerBound + info.postingsOffset
        guard frequency > 0, frequency <= source.documentCount else {
            throw IndexError.corrupt(
                file: source.path, offset: termStart, "document frequency \(frequency) out of range")
        }
        if source.formatVersion == 1 {
            blockTotal = 1
            capacity = frequency
            skipTable = -1
        } else {
            blockTotal = (frequency + SegmentFormat.postingsBlockSize - 1) / SegmentFormat.postingsBlockSize
            capacity = min(frequency, SegmentFormat.postingsBlockSize)
            if blockTotal > 1 {
                skipTable = termStart
                guard termStart + blockTotal * SegmentFormat.skipEntrySize <= source.postings.upperBound else {
                    throw IndexError.corrupt(file: source.path, offset: termStart, "skip table out of range")
                }
            } else {
                skipTable = -1
            }
        }
        docs = .allocate(capacity: capacity)
        frequencies = .allocate(capacity: capacity)
    }

    deinit {
        docs.deallocate()
        frequencies.deallocate()
    }

    // MARK: - Skip entries

    @inline(__always)
    private func u32(_ offset: Int) -> UInt32 {
        UInt32(littleEndian: source.file.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    /// The last document of block `number` (format 2 with a skip table).
    @inline(__always)
    private func skipLast(_ number: Int) -> Int { Int(u32(skipTable + number * SegmentFormat.skipEntrySize)) }

    /// The bound of block `number`: its largest frequency and smallest length.
    @inline(__always)
    private func skipBound(_ number: Int) -> (UInt32, UInt32) {
        let entry = skipTable + number * SegmentFormat.skipEntrySize
        let length = UInt32(source.file[entry + 16]) | UInt32(source.file[entry + 17]) << 8
        return (u32(entry + 12), length)
    }

    /// The largest frequency and smallest length of the documents in `[doc, end)` still ahead
    /// of the cursor (a bound for every block they may be in).
    func bound(before end: Int32) -> (maximumFrequency: UInt32, minimumLength: UInt32) {
        guard skipTable >= 0 else { return (info.maximumFrequency, info.minimumLength) }
        var number = max(block, 0)
        var frequency: UInt32 = 0
        var length = UInt32.max
        while number < blockTotal {
            let (blockFrequency, blockLength) = skipBound(number)
            frequency = max(frequency, blockFrequency)
            length = min(length, blockLength)
            if skipLast(number) >= Int(end) - 1 { break }
            number += 1
        }
        return (frequency, length)
    }

    // MARK: - Moving

    /// Moves to the next document (or ``end``).
    @inline(__always)
    func next() throws {
        index += 1
        if index < blockCount {
            doc = Int32(truncatingIfNeeded: docs[index])
        } else {
            try load(block + 1)
        }
    }

    /// Moves to the first document ≥ `target` (or ``end``); never moves back.
    func seek(_ target: Int32) throws {
        if doc >= target { return }
        if block >= 0 && Int(target) <= Int(blockLast) && index < blockCount {
            while Int32(truncatingIfNeeded: docs[index]) < target { index += 1 }
            doc = Int32(truncatingIfNeeded: docs[index])
            return
        }
        var number = block + 1
        if skipTable >= 0 {
            while number < blockTotal - 1 && skipLast(number) < Int(target) { number += 1 }
            if number > block + 1 { previousLast = skipLast(number - 1) }
        }
        try load(number)
        while doc < target {
            index += 1
            if index < blockCount {
                doc = Int32(truncatingIfNeeded: docs[index])
            } else {
                try load(block + 1)
            }
        }
    }

    /// Moves to document number `position` of the current block, or to the next block when
    /// `position` is past its end (after a caller walked `docs` itself).
    @inline(__always)
    func move(toBlockIndex position: Int) throws {
        if position < blockCount {
            index = position
            doc = Int32(truncatingIfNeeded: docs[position])
        } else {
            index = blockCount
            try load(block + 1)
        }
    }

    /// Decodes block `number` and moves to its first document (or ``end``).
    private func load(_ number: Int) throws {
        if block >= 0 && number == block + 1 { previousLast = Int(blockLast) }
        block = number
        index = 0
        frequenciesReady = false
        guard number < blockTotal else {
            blockCount = 0
            doc = Self.end
            return
        }
        if source.formatVersion == 1 {
            try loadFormatOne()
        } else {
            try loadFormatTwo(number)
        }
        doc = Int32(truncatingIfNeeded: docs[0])
        blockLast = Int32(truncatingIfNeeded: docs[blockCount - 1])
        positionIndex = 0
        positionOffset = try positionsStart(number)
    }

    private func corrupt(_ offset: Int, _ message: String) -> IndexError {
        IndexError.corrupt(file: source.path, offset: offset, message)
    }

    private func loadFormatTwo(_ number: Int) throws {
        let size = SegmentFormat.postingsBlockSize
        let frequency = info.documentFrequency
        let count = number < blockTotal - 1 || frequency % size == 0 ? size : frequency % size
        var start = termStart
        if skipTable >= 0 {
            let entry = skipTable + number * SegmentFormat.skipEntrySize
            start = termStart + Int(u32(entry + 4))
        }
        let limit = source.postings.upperBound
        guard start < limit else { throw corrupt(start, "postings block out of range") }
        blockCount = count
        if count == size {
            guard start + 2 <= limit else { throw corrupt(start, "postings block out of range") }
            let docWidth = Int(source.file[start])
            let frequencyWidth = Int(source.file[start + 1])
            let docBytes = BitPacking.byteCount(count: size, width: docWidth)
            let dataEnd = start + 2 + docBytes + BitPacking.byteCount(count: size, width: frequencyWidth)
            guard docWidth <= 32, frequencyWidth <= 32, dataEnd <= limit,
                dataEnd + BitPacking.slack <= source.file.count
            else { throw corrupt(start, "bad postings block header") }
            guard let base = source.file.baseAddress else { throw corrupt(start, "empty file") }
            BitPacking.unpack(base + start + 2, count: size, width: docWidth, into: docs)
            var document = previousLast
            for position in 0..<size {
                document += Int(docs[position]) + 1
                docs[position] = UInt32(truncatingIfNeeded: document)
            }
            guard document < source.documentCount else { throw corrupt(start, "document number out of range") }
            frequencyData = start + 2 + docBytes
            self.frequencyWidth = frequencyWidth
        } else {
            var reader = ByteReader(source.file, file: source.path)
            try reader.seek(to: start)
            var document = previousLast
            for position in 0..<count {
                document += try reader.readInt() + 1
                guard document < source.documentCount, reader.offset <= limit else {
                    throw corrupt(reader.offset, "document number out of range")
                }
                docs[position] = UInt32(document)
                frequencies[position] = UInt32(truncatingIfNeeded: try reader.readInt(limit: Int(UInt32.max - 1)) + 1)
            }
            guard reader.offset <= limit else { throw corrupt(reader.offset, "postings block out of range") }
            frequenciesReady = true
        }
        if skipTable >= 0 && Int(docs[count - 1]) != skipLast(number) {
            throw corrupt(start, "postings block does not end at its skip entry")
        }
    }

    /// Format 1: the whole list as one block (varint blocks of 128 with a small header).
    private func loadFormatOne() throws {
        var reader = ByteReader(source.file, file: source.path)
        try reader.seek(to: termStart)
        let total = info.documentFrequency
        var decoded = 0
        var document = 0
        while decoded < total {
            let count = try reader.readInt()
            _ = try reader.readInt()  // last document of the block
            _ = try reader.readInt()  // block length
            guard count > 0, decoded + count <= total else { throw corrupt(reader.offset, "bad postings block") }
            for _ in 0..<count {
                let delta = try reader.readInt()
                document = decoded == 0 ? delta : document + delta
                guard document < source.documentCount, decoded == 0 || delta > 0 else {
                    throw corrupt(reader.offset, "document number out of range")
                }
                docs[decoded] = UInt32(document)
                frequencies[decoded] = UInt32(truncatingIfNeeded: try reader.readInt())
                decoded += 1
            }
        }
        guard reader.offset <= source.postings.upperBound else {
            throw corrupt(reader.offset, "postings out of range")
        }
        blockCount = total
        frequenciesReady = true
    }

    /// Decodes the current block's frequencies if not done yet.
    @inline(__always)
    func ensureFrequencies() {
        if frequenciesReady { return }
        frequenciesReady = true
        guard let base = source.file.baseAddress else { return }
        BitPacking.unpack(base + frequencyData, count: blockCount, width: frequencyWidth, into: frequencies)
        for position in 0..<blockCount { frequencies[position] &+= 1 }
    }

    /// The frequency of the term in the current document.
    @inline(__always)
    var frequency: UInt32 {
        ensureFrequencies()
        return frequencies[index]
    }

    // MARK: - Positions

    /// The positions offset (in the positions section) of block `number`'s first document.
    private func positionsStart(_ number: Int) throws -> Int {
        var offset = info.positionsOffset
        if skipTable >= 0 {
            offset += Int(u32(skipTable + number * SegmentFormat.skipEntrySize + 8))
        }
        guard offset >= 0, source.positions.lowerBound + offset <= source.positions.upperBound else {
            throw corrupt(source.positions.lowerBound, "positions offset out of range")
        }
        return offset
    }

    /// The positions of the term in the current document, ascending.
    func positions(into output: inout [Int32]) throws {
        output.removeAll(keepingCapacity: true)
        guard doc != Self.end else { return }
        ensureFrequencies()
        let section = UnsafeRawBufferPointer(rebasing: source.file[source.positions])
        var reader = ByteReader(section, base: source.positions.lowerBound, file: source.path)
        if positionIndex > index {
            positionOffset = try positionsStart(block)
            positionIndex = 0
        }
        try reader.seek(to: positionOffset)
        while positionIndex < index {
            for _ in 0..<Int(frequencies[positionIndex]) { _ = try reader.readVarint() }
            positionIndex += 1
        }
        var position = 0
        let count = Int(frequencies[index])
        // One byte per position at least: the allocation is bounded by the section.
        guard count <= reader.remaining else { throw reader.corrupt("\(count) positions past the end") }
        output.reserveCapacity(count)
        for _ in 0..<count {
            position += try reader.readInt()  // both at most Int32.max: no overflow in Int
            guard position <= Int(Int32.max) else { throw reader.corrupt("position \(position) out of range") }
            output.append(Int32(position))
        }
        positionIndex = index + 1
        positionOffset = reader.offset
    }
}
