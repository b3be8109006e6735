import Synchronization

/// A read-only view of one segment file, memory-mapped and verified at open.
final class SegmentReader: @unchecked Sendable {
    // @unchecked Sendable: everything is immutable after init; the mapping is read-only.

    /// One entry of the term dictionary.
    struct TermInfo {
        var documentFrequency: Int
        var postingsOffset: Int
        var positionsOffset: Int
    }

    let name: String
    let file: MappedFile
    let documentCount: Int
    /// Sum of lengths per text field.
    let lengthSums: [Int: Int]
    private var sections: [SectionKey: Range<Int>] = [:]
    /// Byte ranges of the norms and numbers columns by field number (fast paths for scoring,
    /// filtering and sorting); `nil` when the field has none.
    private var normRanges: [Range<Int>?] = []
    /// Byte ranges of the keyword ordinal columns by field number (`nil`: no document has the field).
    private var keywordDocRanges: [Range<Int>?] = []
    /// Recently decompressed stored blocks (a tantivy-style doc store cache), by block number.
    private let storedBlocks = Mutex<[Int: [UInt8]]>([:])
    /// How many decompressed stored blocks are kept.
    static let storedBlockCacheSize = 64
    private var numberRanges: [Range<Int>?] = []
    /// Per text field: the first term of each dictionary block and the block's offset.
    private var termIndex: [Int: (firsts: [[UInt8]], offsets: [Int], count: Int)] = [:]
    /// Per keyword field: the sorted distinct values.
    private(set) var keywordValues: [Int: [String]] = [:]

    private struct SectionKey: Hashable {
        var tag: UInt32
        var field: UInt32
    }

    /// Opens and verifies `path`.
    ///
    /// - Throws: ``IndexError`` `foreign-file` for a file that is not a segment of a known
    ///   version, `corrupt` for a checksum or structure error.
    init(path: String, name: String) throws {
        self.name = name
        file = try MappedFile(path: path)
        let bytes = file.bytes
        guard bytes.count >= SegmentFormat.magic.count + 4 + SegmentFormat.footerSize,
            Array(bytes[0..<8]) == SegmentFormat.magic
        else {
            throw IndexError(code: .foreignFile, path: path, offset: 0, message: "not a Vitrina segment file")
        }
        let whole = ByteReader(bytes, file: path)
        let version = try whole.getU32(at: 8)
        guard version == SegmentFormat.version else {
            throw IndexError(
                code: .foreignFile, path: path, offset: 8, message: "segment format version \(version) is not supported"
            )
        }
        let footerStart = bytes.count - SegmentFormat.footerSize
        var footer = whole
        try footer.seek(to: footerStart)
        let directoryOffset = try footer.readOffset(limit: footerStart)
        let sectionCount = Int(try footer.readU32())
        guard Array(try footer.readBytes(8)) == SegmentFormat.endMagic else {
            throw IndexError.corrupt(file: path, offset: footerStart, "missing end marker (truncated file?)")
        }
        let storedCRC = try footer.readU32()
        let actualCRC = CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<(bytes.count - 4)]))
        guard storedCRC == actualCRC else {
            throw IndexError.corrupt(file: path, offset: bytes.count - 4, "checksum mismatch")
        }
        // The directory lies between the sections and the footer: 24 bytes per section.
        guard sectionCount * SegmentFormat.directoryEntrySize == footerStart - directoryOffset else {
            throw IndexError.corrupt(
                file: path, offset: footerStart,
                "section directory at \(directoryOffset) does not hold \(sectionCount) entries")
        }
        var directory = whole
        try directory.seek(to: directoryOffset)
        for _ in 0..<sectionCount {
            let entry = directory.offset
            let tag = try directory.readU32()
            let field = try directory.readU32()
            let start = try directory.readOffset(limit: directoryOffset)
            let length = try directory.readOffset(limit: directoryOffset - start)
            let key = SectionKey(tag: tag, field: field)
            guard sections[key] == nil else {
                throw IndexError.corrupt(file: path, offset: entry, "section \(tag) of field \(field) listed twice")
            }
            sections[key] = start..<(start + length)
        }
        var meta = try Self.reader(
            sections[SectionKey(tag: SegmentFormat.Tag.meta.rawValue, field: SegmentFormat.noField)], bytes, path)
        documentCount = try meta.readInt()
        let declaredFields = try meta.readInt(limit: SegmentFormat.maximumFields)
        var sums: [Int: Int] = [:]
        while !meta.isAtEnd {
            let field = try meta.readInt(limit: declaredFields)
            // Lengths are u16 per document, so their sum is bounded (and sums never overflow).
            sums[field] = try meta.readInt(limit: documentCount * Int(UInt16.max))
        }
        lengthSums = sums
        for key in sections.keys where key.field != SegmentFormat.noField && key.field >= declaredFields {
            throw IndexError.corrupt(
                file: path, offset: sections[key]?.lowerBound, "section for field \(key.field) of \(declaredFields)")
        }
        // Every document has an id (8 bytes of table each) and a stored entry: counts read later
        // are bounded by this file's size through these two checks.
        var ids = try Self.reader(
            sections[SectionKey(tag: SegmentFormat.Tag.ids.rawValue, field: SegmentFormat.noField)], bytes, path)
        let idCount = try ids.readCount(elementSize: 8)
        guard idCount == documentCount else {
            throw ids.corrupt("id table holds \(idCount) ids for \(documentCount) documents", at: 0)
        }
        var stored = try Self.reader(
            sections[SectionKey(tag: SegmentFormat.Tag.stored.rawValue, field: SegmentFormat.noField)], bytes, path)
        let blockCount = try stored.readCount(elementSize: 8)
        let expectedBlocks = (documentCount + SegmentFormat.storedBlockSize - 1) / SegmentFormat.storedBlockSize
        guard blockCount == expectedBlocks else {
            throw stored.corrupt("\(blockCount) stored blocks for \(documentCount) documents", at: 0)
        }
        let fieldCount =
            (sections.keys.filter { $0.field != SegmentFormat.noField }.map { Int($0.field) }.max() ?? -1) + 1
        normRanges = (0..<fieldCount).map {
            sections[SectionKey(tag: SegmentFormat.Tag.norms.rawValue, field: UInt32($0))].flatMap {
                $0.isEmpty ? nil : $0
            }
        }
        keywordDocRanges = (0..<fieldCount).map {
            sections[SectionKey(tag: SegmentFormat.Tag.keywordDocs.rawValue, field: UInt32($0))].flatMap {
                $0.isEmpty ? nil : $0
            }
        }
        for range in keywordDocRanges.compactMap({ $0 }) where range.count < (documentCount + 1) * 4 {
            throw IndexError.corrupt(file: path, offset: range.lowerBound, "keyword column too short")
        }
        numberRanges = (0..<fieldCount).map {
            sections[SectionKey(tag: SegmentFormat.Tag.numbers.rawValue, field: UInt32($0))].flatMap {
                $0.isEmpty ? nil : $0
            }
        }
        for range in normRanges.compactMap({ $0 }) where range.count != documentCount * 2 {
            throw IndexError.corrupt(file: path, offset: range.lowerBound, "norms column has the wrong size")
        }
        for range in numberRanges.compactMap({ $0 }) where range.count != documentCount * 8 {
            throw IndexError.corrupt(file: path, offset: range.lowerBound, "numbers column has the wrong size")
        }
        try loadTermIndexes()
        try loadKeywordValues()
    }

    private static func reader(_ range: Range<Int>?, _ bytes: UnsafeRawBufferPointer, _ path: String) throws
        -> ByteReader
    {
        guard let range else { throw IndexError.corrupt(file: path, offset: nil, "missing section") }
        return ByteReader(UnsafeRawBufferPointer(rebasing: bytes[range]), base: range.lowerBound, file: path)
    }

    /// A reader over a section.
    func section(_ tag: SegmentFormat.Tag, field: Int? = nil) throws -> ByteReader {
        try Self.reader(
            sections[SectionKey(tag: tag.rawValue, field: field.map(UInt32.init) ?? SegmentFormat.noField)],
            file.bytes, file.path)
    }

    private func loadTermIndexes() throws {
        for key in sections.keys where key.tag == SegmentFormat.Tag.termIndex.rawValue {
            var reader = try section(.termIndex, field: Int(key.field))
            let termsSize = sections[SectionKey(tag: SegmentFormat.Tag.terms.rawValue, field: key.field)]?.count ?? 0
            let count = try reader.readInt()
            // Per block: a length varint and an offset varint at least.
            let blocks = try reader.readCount(elementSize: 2)
            guard blocks == (count + SegmentFormat.termBlockSize - 1) / SegmentFormat.termBlockSize else {
                throw reader.corrupt("\(blocks) dictionary blocks for \(count) terms", at: 0)
            }
            var firsts: [[UInt8]] = []
            var offsets: [Int] = []
            firsts.reserveCapacity(blocks)
            offsets.reserveCapacity(blocks)
            for _ in 0..<blocks {
                let length = try reader.readInt()
                firsts.append(Array(try reader.readBytes(length)))
                offsets.append(try reader.readInt(limit: termsSize))
            }
            termIndex[Int(key.field)] = (firsts, offsets, count)
        }
    }

    private func loadKeywordValues() throws {
        for key in sections.keys where key.tag == SegmentFormat.Tag.keywordValues.rawValue {
            var reader = try section(.keywordValues, field: Int(key.field))
            let count = try reader.readCount(elementSize: 1)
            var values: [String] = []
            values.reserveCapacity(count)
            for _ in 0..<count {
                let length = try reader.readInt()
                values.append(String(decoding: try reader.readBytes(length), as: UTF8.self))
            }
            keywordValues[Int(key.field)] = values
        }
    }

    /// The number of distinct terms of a text field.
    func termCount(field: Int) -> Int { termIndex[field]?.count ?? 0 }

    // MARK: - Terms

    /// Calls `body` with each term of `field`'s dictionary that starts with `prefix`, in order,
    /// from the block where it could be; stops when `body` returns false or terms pass the prefix.
    func scanTerms(field: Int, from start: [UInt8], while body: ([UInt8], TermInfo) throws -> Bool) throws {
        guard let index = termIndex[field], !index.firsts.isEmpty else { return }
        // The last block whose first term is <= start.
        var low = 0
        var high = index.firsts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if utf8Less(start, index.firsts[middle]) { high = middle - 1 } else { low = middle }
        }
        var reader = try section(.terms, field: field)
        try reader.seek(to: index.offsets[low])
        var term: [UInt8] = []
        var ordinal = low * SegmentFormat.termBlockSize
        while ordinal < index.count {
            if ordinal % SegmentFormat.termBlockSize == 0 { term.removeAll(keepingCapacity: true) }
            let shared = try reader.readInt()
            let suffix = try reader.readInt()
            guard shared <= term.count else {
                throw reader.corrupt("bad term prefix")
            }
            term.removeSubrange(shared...)
            term.append(contentsOf: try reader.readBytes(suffix))
            let info = TermInfo(
                documentFrequency: try reader.readInt(limit: documentCount),
                postingsOffset: try reader.readInt(limit: Int.max), positionsOffset: try reader.readInt(limit: Int.max))
            ordinal += 1
            if utf8Less(term, start) { continue }
            if try !body(term, info) { return }
        }
    }

    /// The dictionary entry of `term` in `field`, if present.
    func termInfo(field: Int, term: [UInt8]) throws -> TermInfo? {
        var found: TermInfo?
        try scanTerms(field: field, from: term) { candidate, info in
            if candidate == term { found = info }
            return false
        }
        return found
    }

    /// Decodes the postings of a term: documents and frequencies in document order.
    func postings(field: Int, info: TermInfo) throws -> (documents: [Int32], frequencies: [Int32]) {
        var reader = try section(.postings, field: field)
        try reader.seek(to: info.postingsOffset)
        var documents: [Int32] = []
        var frequencies: [Int32] = []
        // A posting takes two bytes at least: never reserve more than the section could hold.
        let capacity = min(info.documentFrequency, reader.remaining / 2)
        documents.reserveCapacity(capacity)
        frequencies.reserveCapacity(capacity)
        var document = 0
        var first = true
        while documents.count < info.documentFrequency {
            let count = try reader.readInt()
            _ = try reader.readInt()  // last document of the block: skip data
            _ = try reader.readInt()  // block length
            guard count > 0, documents.count + count <= info.documentFrequency else {
                throw reader.corrupt("bad postings block")
            }
            for _ in 0..<count {
                let delta = try reader.readInt()
                document = first ? delta : document + delta
                first = false
                guard document < documentCount else {
                    throw reader.corrupt("document number \(document) out of range 0..<\(documentCount)")
                }
                documents.append(Int32(document))
                frequencies.append(Int32(try reader.readInt()))
            }
        }
        return (documents, frequencies)
    }

    /// Decodes the positions of a term in every document of its postings, in postings order.
    func positions(field: Int, info: TermInfo, frequencies: [Int32]) throws -> [[Int32]] {
        var reader = try section(.positions, field: field)
        try reader.seek(to: info.positionsOffset)
        return try frequencies.map { frequency in
            // One byte per position at least: the allocation is bounded by the section.
            guard Int(frequency) <= reader.remaining else {
                throw reader.corrupt("\(frequency) positions past the end")
            }
            var position = 0
            return try (0..<Int(frequency)).map { _ in try Self.nextPosition(&position, &reader) }
        }
    }

    /// Decodes the positions of a term only in the documents `keep` accepts and passes them to
    /// `body` (the others are skipped without allocating), in postings order.
    func forEachPositions(
        field: Int, info: TermInfo, documents: [Int32], frequencies: [Int32], keep: (Int32) -> Bool,
        _ body: (Int32, [Int32]) -> Void
    ) throws {
        var reader = try section(.positions, field: field)
        try reader.seek(to: info.positionsOffset)
        var positions: [Int32] = []
        for (document, frequency) in zip(documents, frequencies) {
            if keep(document) {
                var position = 0
                positions.removeAll(keepingCapacity: true)
                for _ in 0..<Int(frequency) { positions.append(try Self.nextPosition(&position, &reader)) }
                body(document, positions)
            } else {
                for _ in 0..<Int(frequency) { _ = try reader.readVarint() }
            }
        }
    }

    /// Adds the next position delta to `position`; positions must stay within `Int32`.
    private static func nextPosition(_ position: inout Int, _ reader: inout ByteReader) throws -> Int32 {
        position += try reader.readInt()  // both at most Int32.max: no overflow in Int
        guard position <= Int(Int32.max) else { throw reader.corrupt("position \(position) out of range") }
        return Int32(position)
    }

    // MARK: - Columns

    /// The length of `field` in `document` (token count); 0 when no document has the field.
    ///
    /// Precondition: `document` < `documentCount` (column sizes are checked at open).
    func norm(field: Int, document: Int) -> Int {
        guard field < normRanges.count, let range = normRanges[field] else { return 0 }
        let offset = range.lowerBound + document * 2
        return Int(file.bytes[offset]) | Int(file.bytes[offset + 1]) << 8
    }

    /// The value of a numeric field, `nil` when absent.
    ///
    /// Precondition: `document` < `documentCount` (column sizes are checked at open).
    func number(field: Int, document: Int) -> Double? {
        guard field < numberRanges.count, let range = numberRanges[field] else { return nil }
        let bits = file.bytes.loadUnaligned(fromByteOffset: range.lowerBound + document * 8, as: UInt64.self)
        let value = Double(bitPattern: UInt64(littleEndian: bits))
        return value.isNaN ? nil : value
    }

    /// The value ordinals of a keyword field in `document`.
    func keywordOrdinals(field: Int, document: Int) throws -> [Int] {
        let reader = try section(.keywordDocs, field: field)
        if reader.buffer.isEmpty { return [] }
        guard document >= 0, document < documentCount else {
            throw reader.corrupt("document \(document) out of range 0..<\(documentCount)")
        }
        let start = Int(try reader.getU32(at: document * 4))
        let end = Int(try reader.getU32(at: document * 4 + 4))
        guard start <= end else { throw reader.corrupt("bad keyword offsets", at: document * 4) }
        let ordinals = try reader.range(start: (documentCount + 1) * 4 + start * 4, length: (end - start) * 4)
        return try stride(from: ordinals.lowerBound, to: ordinals.upperBound, by: 4).map {
            Int(try reader.getU32(at: $0))
        }
    }

    /// The stored product of `document`.
    func storedProduct(document: Int) throws -> Product {
        try storedBytes(document: document).withUnsafeBytes { try StoredProductCodec.decode($0, file: file.path) }
    }

    /// Whether `document` has a keyword value whose ordinal is in `wanted` (the filter fast path:
    /// reads the column in place, allocates nothing).
    func hasKeywordOrdinal(field: Int, document: Int, in wanted: Set<Int>) throws -> Bool {
        guard field < keywordDocRanges.count, let range = keywordDocRanges[field] else { return false }
        let bytes = file.bytes
        func u32(_ offset: Int) -> Int {
            Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        }
        let start = u32(range.lowerBound + document * 4)
        let end = u32(range.lowerBound + document * 4 + 4)
        let base = range.lowerBound + (documentCount + 1) * 4
        guard start <= end, base + end * 4 <= range.upperBound else {
            throw IndexError.corrupt(file: file.path, offset: range.lowerBound + document * 4, "bad keyword offsets")
        }
        for index in start..<end where wanted.contains(u32(base + index * 4)) { return true }
        return false
    }

    /// The stored bytes (``StoredProductCodec``) of `document`.
    func storedBytes(document: Int) throws -> [UInt8] {
        let block = document / SegmentFormat.storedBlockSize
        let decompressed: [UInt8]
        if let cached = storedBlocks.withLock({ $0[block] }) {
            decompressed = cached
        } else {
            decompressed = try storedBlock(block)
            storedBlocks.withLock { cache in
                if cache.count >= Self.storedBlockCacheSize { cache.removeAll(keepingCapacity: true) }
                cache[block] = decompressed
            }
        }
        return try decompressed.withUnsafeBytes { raw in
            var entries = ByteReader(raw, file: file.path)
            for _ in 0..<(document % SegmentFormat.storedBlockSize) {
                let length = try entries.readInt()
                _ = try entries.readBytes(length)
            }
            let length = try entries.readInt()
            return Array(try entries.readBytes(length))
        }
    }

    /// Decompresses stored block number `block`.
    private func storedBlock(_ block: Int) throws -> [UInt8] {
        var reader = try section(.stored, field: nil)
        let blocks = try reader.readCount(elementSize: 8)
        guard block >= 0, block < blocks else { throw reader.corrupt("no stored block \(block)", at: 0) }
        let offsetsStart = reader.offset
        let dataStart = offsetsStart + (blocks + 1) * 8
        let start = try reader.getU64(at: offsetsStart + block * 8)
        let end = try reader.getU64(at: offsetsStart + block * 8 + 8)
        guard start <= end, end <= UInt64(reader.buffer.count) else {
            throw reader.corrupt("bad stored block offsets \(start)..<\(end)", at: offsetsStart + block * 8)
        }
        var data = try reader.subReader(try reader.range(start: dataStart + Int(start), length: Int(end - start)))
        let size = Int(try data.readU32())
        let position = data.fileOffset
        return try Deflate.decompress(try data.readBytes(data.remaining), size: size, file: file.path, offset: position)
    }

    /// The layout of the id table: its count and where its offsets, documents and bytes start.
    private func idTable() throws -> (reader: ByteReader, count: Int, offsets: Int, documents: Int, blob: Int) {
        var reader = try section(.ids, field: nil)
        let count = try reader.readCount(elementSize: 8)
        let offsets = reader.offset
        let documents = offsets + (count + 1) * 4
        let blob = documents + count * 4
        guard blob <= reader.buffer.count else { throw reader.corrupt("id table too short", at: 0) }
        return (reader, count, offsets, documents, blob)
    }

    /// The id bytes and document of entry `index` of the id table.
    private func idEntry(
        _ table: (reader: ByteReader, count: Int, offsets: Int, documents: Int, blob: Int), _ index: Int
    ) throws -> (id: UnsafeRawBufferPointer, document: Int) {
        let reader = table.reader
        let start = Int(try reader.getU32(at: table.offsets + index * 4))
        let end = Int(try reader.getU32(at: table.offsets + index * 4 + 4))
        guard start <= end else { throw reader.corrupt("bad id offsets", at: table.offsets + index * 4) }
        let document = Int(try reader.getU32(at: table.documents + index * 4))
        guard document < documentCount else {
            throw reader.corrupt(
                "document \(document) out of range 0..<\(documentCount)", at: table.documents + index * 4)
        }
        return (try reader.getBytes(at: table.blob + start, count: end - start), document)
    }

    /// Calls `body` with every id of this segment and its document, in id order.
    func forEachID(_ body: (String, Int) throws -> Void) throws {
        let table = try idTable()
        for index in 0..<table.count {
            let entry = try idEntry(table, index)
            try body(String(decoding: entry.id, as: UTF8.self), entry.document)
        }
    }

    /// The documents with `id` in this segment: one, or several when a batch replaced a product
    /// (all but the last are deleted).
    func documents(id: String) throws -> [Int] {
        let table = try idTable()
        let target = Array(id.utf8)
        // The first entry not less than the target.
        var low = 0
        var high = table.count
        while low < high {
            let middle = (low + high) / 2
            if try idEntry(table, middle).id.lexicographicallyPrecedes(target) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        var found: [Int] = []
        while low < table.count {
            let entry = try idEntry(table, low)
            guard entry.id.elementsEqual(target) else { break }
            found.append(entry.document)
            low += 1
        }
        return found
    }
}
