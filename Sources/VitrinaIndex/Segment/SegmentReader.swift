/// A read-only view of one segment file, memory-mapped and verified at open.
///
/// It holds one reader per structure (as tantivy lays a segment out): the term dictionary of
/// each text field (``SortedTable``), postings cursors (``PostingsCursor``), norms
/// (``NormsColumn``), numeric and keyword columns (``NumericColumn``, ``KeywordColumn``), the id
/// table (``IdTable``) and the stored products (``StoredBlocks``). Formats 1 and 2 are read.
final class SegmentReader: @unchecked Sendable {
    // @unchecked Sendable: everything is immutable after init; the mapping is read-only and the
    // stored-block caches are behind mutexes.

    let name: String
    let file: MappedFile
    /// The segment format version of the file.
    let formatVersion: UInt32
    let documentCount: Int
    /// Sum of lengths per text field.
    let lengthSums: [Int: Int]
    /// Per field number (`nil` for other kinds or absent fields).
    private let dictionaries: [SortedTable?]
    private let postingsSources: [PostingsSource?]
    private let normColumns: [NormsColumn]
    private let numericColumns: [NumericColumn]
    private let keywordColumns: [KeywordColumn]
    /// Per keyword field: the sorted distinct values.
    let keywordValues: [Int: [String]]
    private let idTable: IdTable
    /// Format 1: whole products; format 2: summaries.
    private let summaries: StoredBlocks
    /// Format 2: the rest of each product.
    private let details: StoredBlocks?

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
        guard SegmentFormat.readableVersions.contains(version) else {
            throw IndexError(
                code: .foreignFile, path: path, offset: 8, message: "segment format version \(version) is not supported"
            )
        }
        formatVersion = version
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
        var sections: [SectionKey: Range<Int>] = [:]
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
        func range(_ tag: SegmentFormat.Tag, _ field: Int? = nil) -> Range<Int>? {
            sections[SectionKey(tag: tag.rawValue, field: field.map(UInt32.init) ?? SegmentFormat.noField)]
        }
        func required(_ tag: SegmentFormat.Tag, _ field: Int? = nil) throws -> Range<Int> {
            guard let found = range(tag, field) else {
                throw IndexError.corrupt(file: path, offset: nil, "missing section \(tag)")
            }
            return found
        }

        let metaRange = try required(.meta)
        var meta = ByteReader(
            UnsafeRawBufferPointer(rebasing: bytes[metaRange]), base: metaRange.lowerBound, file: path)
        // Every document takes a few bytes of ids and stored data at least.
        documentCount = try meta.readInt(limit: bytes.count)
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
        let fieldCount = declaredFields

        var dictionaries: [SortedTable?] = Array(repeating: nil, count: fieldCount)
        var postingsSources: [PostingsSource?] = Array(repeating: nil, count: fieldCount)
        var norms = Array(repeating: NormsColumn.empty, count: fieldCount)
        var numbers = Array(repeating: NumericColumn.empty, count: fieldCount)
        var keywords = Array(repeating: KeywordColumn.empty, count: fieldCount)
        var values: [Int: [String]] = [:]
        let count = documentCount
        for field in 0..<fieldCount {
            if let index = range(.termIndex, field) {
                let terms = try required(.terms, field)
                dictionaries[field] = try SortedTable(
                    index: UnsafeRawBufferPointer(rebasing: bytes[index]),
                    body: UnsafeRawBufferPointer(rebasing: bytes[terms]), bodyOffset: terms.lowerBound,
                    valuesPerEntry: version == 1 ? 3 : 5, deltas: version == 1 ? [] : SegmentFormat.termDeltas,
                    file: path)
                postingsSources[field] = PostingsSource(
                    file: bytes, path: path, postings: try required(.postings, field),
                    positions: try required(.positions, field), documentCount: count, formatVersion: version)
            }
            if let section = range(.norms, field) {
                norms[field] = try NormsColumn(
                    file: bytes, section: section, documentCount: count, version: version, path: path)
            }
            if let section = range(.numbers, field) {
                numbers[field] = try NumericColumn(
                    file: bytes, section: section, documentCount: count, version: version, path: path)
            }
            if let section = range(.keywordValues, field) {
                var reader = ByteReader(
                    UnsafeRawBufferPointer(rebasing: bytes[section]), base: section.lowerBound, file: path)
                let valueCount = try reader.readCount(elementSize: version == 1 ? 1 : 2)
                var list: [String] = []
                list.reserveCapacity(valueCount)
                var previous: [UInt8] = []
                for _ in 0..<valueCount {
                    if version == 1 {
                        list.append(try reader.readString())
                        continue
                    }
                    let shared = try reader.readInt()
                    guard shared <= previous.count else { throw reader.corrupt("bad keyword value prefix") }
                    previous.removeSubrange(shared...)
                    previous.append(contentsOf: try reader.readBytes(try reader.readInt()))
                    list.append(String(decoding: previous, as: UTF8.self))
                }
                values[field] = list
                if let docs = range(.keywordDocs, field) {
                    keywords[field] = try KeywordColumn(
                        file: bytes, section: docs, documentCount: count, valueCount: valueCount, version: version,
                        path: path)
                }
            }
        }
        self.dictionaries = dictionaries
        self.postingsSources = postingsSources
        normColumns = norms
        numericColumns = numbers
        keywordColumns = keywords
        keywordValues = values
        idTable = try IdTable(
            file: bytes, ids: try required(.ids), index: version == 1 ? nil : try required(.idIndex),
            documentCount: count, path: path)
        if version == 1 {
            summaries = try StoredBlocks(
                file: bytes, range: try required(.stored), documentCount: count,
                documentsPerBlock: SegmentFormat.storedBlockSize, zstd: false, path: path)
            details = nil
        } else {
            summaries = try StoredBlocks(
                file: bytes, range: try required(.summaries), documentCount: count,
                documentsPerBlock: SegmentFormat.summaryBlockSize, zstd: true, path: path)
            details = try StoredBlocks(
                file: bytes, range: try required(.details), documentCount: count,
                documentsPerBlock: SegmentFormat.detailsBlockSize, zstd: true, path: path)
        }
    }

    // MARK: - Terms and postings

    /// The number of distinct terms of a text field.
    func termCount(field: Int) -> Int { field < dictionaries.count ? dictionaries[field]?.count ?? 0 : 0 }

    private func termInfo(_ values: UnsafeBufferPointer<Int>) -> TermInfo {
        TermInfo(
            documentFrequency: values[0], postingsOffset: values[1], positionsOffset: values[2],
            maximumFrequency: values.count > 3 ? UInt32(clamping: values[3]) : UInt32.max,
            minimumLength: values.count > 4 ? UInt32(clamping: values[4]) : 0)
    }

    /// Calls `body` with each term of `field`'s dictionary from the first one not less than
    /// `start`, in order; stops when `body` returns false.
    func scanTerms(field: Int, from start: [UInt8], while body: ([UInt8], TermInfo) throws -> Bool) throws {
        try start.withUnsafeBytes { raw in
            try scanTerms(field: field, from: raw) { term, info in try body(Array(term), info) ? .next : .stop }
        }
    }

    /// Calls `body` with each term of `field`'s dictionary (a buffer valid during the call) from
    /// the first one not less than `start`, in order; `body` says what comes next (see
    /// ``SortedTable/ScanStep``).
    func scanTerms(
        field: Int, from start: UnsafeRawBufferPointer,
        _ body: (UnsafeBufferPointer<UInt8>, TermInfo) throws -> SortedTable.ScanStep
    ) throws {
        guard field < dictionaries.count, let dictionary = dictionaries[field] else { return }
        try dictionary.scanRaw(from: start) { term, values in try body(term, termInfo(values)) }
    }

    /// The dictionary entry of `term` in `field`, if present.
    func termInfo(field: Int, term: [UInt8]) throws -> TermInfo? {
        try term.withUnsafeBytes { try termInfo(field: field, term: $0) }
    }

    /// The dictionary entry of `term` (UTF-8 bytes) in `field`, if present.
    func termInfo(field: Int, term: UnsafeRawBufferPointer) throws -> TermInfo? {
        guard field < dictionaries.count, let dictionary = dictionaries[field] else { return nil }
        return try dictionary.find(term) { termInfo($0) }
    }

    /// A cursor over the postings of a term found in `field`'s dictionary.
    func cursor(field: Int, info: TermInfo) throws -> PostingsCursor {
        guard field < postingsSources.count, let source = postingsSources[field] else {
            throw IndexError.corrupt(file: file.path, offset: nil, "no postings for field \(field)")
        }
        return try PostingsCursor(source: source, info: info)
    }

    // MARK: - Columns

    /// The lengths column of a text field.
    func norms(field: Int) -> NormsColumn { field < normColumns.count ? normColumns[field] : .empty }

    /// The length of `field` in `document` (token count); 0 when no document has the field.
    ///
    /// Precondition: `document` < `documentCount` (column sizes are checked at open).
    func norm(field: Int, document: Int) -> Int { norms(field: field).length(document) }

    /// The column of a numeric field.
    func numbers(field: Int) -> NumericColumn { field < numericColumns.count ? numericColumns[field] : .empty }

    /// The value of a numeric field, `nil` when absent.
    ///
    /// Precondition: `document` < `documentCount`.
    func number(field: Int, document: Int) -> Double? { numbers(field: field).value(document) }

    /// The ordinals column of a keyword field.
    func keywords(field: Int) -> KeywordColumn { field < keywordColumns.count ? keywordColumns[field] : .empty }

    /// The value ordinals of a keyword field in `document`.
    func keywordOrdinals(field: Int, document: Int) throws -> [Int] {
        try keywords(field: field).ordinals(document)
    }

    /// Whether `document` has a keyword value whose ordinal is in `wanted`.
    func hasKeywordOrdinal(field: Int, document: Int, in wanted: Set<Int>) throws -> Bool {
        try keywords(field: field).first(in: document) { wanted.contains($0) }
    }

    // MARK: - Stored products

    /// The whole stored product of `document`.
    func storedProduct(document: Int) throws -> Product {
        guard document >= 0, document < documentCount else {
            throw IndexError.corrupt(file: file.path, offset: nil, "no document \(document)")
        }
        guard let details else {
            return try summaries.withBytes(document) { try StoredProductCodec.decode($0, file: file.path) }
        }
        var product = try summaries.withBytes(document) { try StoredProductCodec.decodeSummary($0, file: file.path) }
        try details.withBytes(document) { try StoredProductCodec.decodeRest($0, into: &product, file: file.path) }
        return product
    }

    /// What a hit shows of `document` (``StoredProductCodec``'s summary: id, title, vendor, price,
    /// old price, currency, availability, url, first picture, rating, review count, indexed
    /// language, model, vendor code, barcode, category path, a few parameters); the whole
    /// product in format 1.
    func summary(document: Int) throws -> Product {
        guard document >= 0, document < documentCount else {
            throw IndexError.corrupt(file: file.path, offset: nil, "no document \(document)")
        }
        guard details != nil else { return try storedProduct(document: document) }
        return try summaries.withBytes(document) { try StoredProductCodec.decodeSummary($0, file: file.path) }
    }

    /// The stored bytes of `document` in format 2's two parts (``StoredProductCodec``).
    ///
    /// The summary and the rest; a format-1 product or a version-3 one is encoded anew. Merges
    /// copy these.
    func storedParts(document: Int) throws -> (summary: [UInt8], rest: [UInt8]) {
        guard document >= 0, document < documentCount else {
            throw IndexError.corrupt(file: file.path, offset: nil, "no document \(document)")
        }
        guard let details else {
            let (summary, rest) = try SegmentBuilder.split(
                StoredProductCodec.encode(try storedProduct(document: document)))
            return (Array(summary), Array(rest))
        }
        let rest = try details.bytes(document)
        guard rest.withUnsafeBytes(StoredProductCodec.isCurrentRest) else {
            // Stored before summaries held voice fields: encode it anew.
            let (summary, rest) = try SegmentBuilder.split(
                StoredProductCodec.encode(try storedProduct(document: document)))
            return (Array(summary), Array(rest))
        }
        return (try summaries.bytes(document), rest)
    }

    // MARK: - Ids

    /// Calls `body` with every id of this segment and its document, in id order.
    func forEachID(_ body: (String, Int) throws -> Void) throws { try idTable.forEach(body) }

    /// The documents with `id` in this segment: one, or several when a batch replaced a product
    /// (all but the last are deleted).
    func documents(id: String) throws -> [Int] { try idTable.documents(id: id) }
}
