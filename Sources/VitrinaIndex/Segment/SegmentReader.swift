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
        var header = ByteReader(bytes, offset: 8, file: path)
        let version = try header.readU32()
        guard version == SegmentFormat.version else {
            throw IndexError(
                code: .foreignFile, path: path, offset: 8, message: "segment format version \(version) is not supported"
            )
        }
        let footerStart = bytes.count - SegmentFormat.footerSize
        var footer = ByteReader(bytes, offset: footerStart, file: path)
        let directoryOffset = Int(try footer.readU64())
        let sectionCount = Int(try footer.readU32())
        guard Array(try footer.readBytes(8)) == SegmentFormat.endMagic else {
            throw IndexError.corrupt(file: path, offset: footerStart, "missing end marker (truncated file?)")
        }
        let storedCRC = try footer.readU32()
        let actualCRC = CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<(bytes.count - 4)]))
        guard storedCRC == actualCRC else {
            throw IndexError.corrupt(file: path, offset: bytes.count - 4, "checksum mismatch")
        }
        var directory = ByteReader(bytes, offset: directoryOffset, file: path)
        for _ in 0..<sectionCount {
            let tag = try directory.readU32()
            let field = try directory.readU32()
            let offset = Int(try directory.readU64())
            let length = Int(try directory.readU64())
            guard offset >= 0, length >= 0, offset + length <= directoryOffset else {
                throw IndexError.corrupt(file: path, offset: directory.offset, "section out of bounds")
            }
            sections[SectionKey(tag: tag, field: field)] = offset..<(offset + length)
        }
        var meta = try Self.reader(
            sections[SectionKey(tag: SegmentFormat.Tag.meta.rawValue, field: SegmentFormat.noField)], bytes, path)
        documentCount = try meta.readInt()
        _ = try meta.readInt()
        var sums: [Int: Int] = [:]
        while !meta.isAtEnd {
            let field = try meta.readInt()
            sums[field] = try meta.readInt(limit: Int.max)
        }
        lengthSums = sums
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
        return ByteReader(UnsafeRawBufferPointer(rebasing: bytes[range]), file: path)
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
            let count = try reader.readInt()
            let blocks = try reader.readInt()
            var firsts: [[UInt8]] = []
            var offsets: [Int] = []
            firsts.reserveCapacity(blocks)
            for _ in 0..<blocks {
                let length = try reader.readInt()
                firsts.append(Array(try reader.readBytes(length)))
                offsets.append(try reader.readInt())
            }
            termIndex[Int(key.field)] = (firsts, offsets, count)
        }
    }

    private func loadKeywordValues() throws {
        for key in sections.keys where key.tag == SegmentFormat.Tag.keywordValues.rawValue {
            var reader = try section(.keywordValues, field: Int(key.field))
            let count = try reader.readInt()
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
        reader.offset = index.offsets[low]
        var term: [UInt8] = []
        var ordinal = low * SegmentFormat.termBlockSize
        while ordinal < index.count {
            if ordinal % SegmentFormat.termBlockSize == 0 { term.removeAll(keepingCapacity: true) }
            let shared = try reader.readInt()
            let suffix = try reader.readInt()
            guard shared <= term.count else {
                throw IndexError.corrupt(file: file.path, offset: reader.offset, "bad term prefix")
            }
            term.removeSubrange(shared...)
            term.append(contentsOf: try reader.readBytes(suffix))
            let info = TermInfo(
                documentFrequency: try reader.readInt(), postingsOffset: try reader.readInt(limit: Int.max),
                positionsOffset: try reader.readInt(limit: Int.max))
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
        reader.offset = info.postingsOffset
        var documents: [Int32] = []
        var frequencies: [Int32] = []
        documents.reserveCapacity(info.documentFrequency)
        frequencies.reserveCapacity(info.documentFrequency)
        var document = 0
        var first = true
        while documents.count < info.documentFrequency {
            let count = try reader.readInt()
            _ = try reader.readInt()  // last document of the block: skip data
            _ = try reader.readInt()  // block length
            guard count > 0, documents.count + count <= info.documentFrequency else {
                throw IndexError.corrupt(file: file.path, offset: reader.offset, "bad postings block")
            }
            for _ in 0..<count {
                let delta = try reader.readInt()
                document = first ? delta : document + delta
                first = false
                guard document < documentCount else {
                    throw IndexError.corrupt(file: file.path, offset: reader.offset, "document number out of range")
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
        reader.offset = info.positionsOffset
        return try frequencies.map { frequency in
            var position: Int32 = 0
            return try (0..<Int(frequency)).map { _ in
                position += Int32(clamping: try reader.readInt())
                return position
            }
        }
    }

    /// Decodes the positions of a term only in the documents `keep` accepts and passes them to
    /// `body` (the others are skipped without allocating), in postings order.
    func forEachPositions(
        field: Int, info: TermInfo, documents: [Int32], frequencies: [Int32], keep: (Int32) -> Bool,
        _ body: (Int32, [Int32]) -> Void
    ) throws {
        var reader = try section(.positions, field: field)
        reader.offset = info.positionsOffset
        var positions: [Int32] = []
        for (document, frequency) in zip(documents, frequencies) {
            if keep(document) {
                var position: Int32 = 0
                positions.removeAll(keepingCapacity: true)
                for _ in 0..<Int(frequency) {
                    position += Int32(clamping: try reader.readInt())
                    positions.append(position)
                }
                body(document, positions)
            } else {
                for _ in 0..<Int(frequency) { _ = try reader.readVarint() }
            }
        }
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
        var reader = try section(.keywordDocs, field: field)
        if reader.buffer.isEmpty { return [] }
        reader.offset = document * 4
        let start = Int(try reader.readU32())
        let end = Int(try reader.readU32())
        guard start <= end else { throw IndexError.corrupt(file: file.path, offset: reader.offset, "bad offsets") }
        reader.offset = (documentCount + 1) * 4 + start * 4
        return try (start..<end).map { _ in Int(try reader.readU32()) }
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
        let blocks = try reader.readInt()
        guard block < blocks else { throw IndexError.corrupt(file: file.path, offset: nil, "no stored block") }
        let offsetsStart = reader.offset
        reader.offset = offsetsStart + block * 8
        let start = Int(try reader.readU64())
        let end = Int(try reader.readU64())
        reader.offset = offsetsStart + (blocks + 1) * 8 + start
        let size = Int(try reader.readU32())
        let compressed = try reader.readBytes(end - start - 4)
        return try Deflate.decompress(compressed, size: size, file: file.path)
    }

    /// Calls `body` with every id of this segment and its document, in id order.
    func forEachID(_ body: (String, Int) throws -> Void) throws {
        var reader = try section(.ids, field: nil)
        let count = try reader.readInt()
        let offsetsStart = reader.offset
        let documentsStart = offsetsStart + (count + 1) * 4
        let blobStart = documentsStart + count * 4
        for index in 0..<count {
            reader.offset = offsetsStart + index * 4
            let start = Int(try reader.readU32())
            let end = Int(try reader.readU32())
            guard start <= end else {
                throw IndexError.corrupt(file: file.path, offset: reader.offset, "bad id offsets")
            }
            reader.offset = documentsStart + index * 4
            let document = Int(try reader.readU32())
            reader.offset = blobStart + start
            try body(String(decoding: try reader.readBytes(end - start), as: UTF8.self), document)
        }
    }

    /// The documents with `id` in this segment: one, or several when a batch replaced a product
    /// (all but the last are deleted).
    func documents(id: String) throws -> [Int] {
        var reader = try section(.ids, field: nil)
        let count = try reader.readInt()
        let offsetsStart = reader.offset
        let documentsStart = offsetsStart + (count + 1) * 4
        let blobStart = documentsStart + count * 4
        let target = Array(id.utf8)
        func key(_ index: Int) throws -> [UInt8] {
            reader.offset = offsetsStart + index * 4
            let start = Int(try reader.readU32())
            let end = Int(try reader.readU32())
            reader.offset = blobStart + start
            return Array(try reader.readBytes(end - start))
        }
        func document(_ index: Int) throws -> Int {
            reader.offset = documentsStart + index * 4
            return Int(try reader.readU32())
        }
        // The first entry not less than the target.
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if utf8Less(try key(middle), target) { low = middle + 1 } else { high = middle }
        }
        var found: [Int] = []
        while low < count, try key(low) == target {
            found.append(try document(low))
            low += 1
        }
        return found
    }
}
