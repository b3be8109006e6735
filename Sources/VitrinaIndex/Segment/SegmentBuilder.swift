import VitrinaText

/// An in-memory segment being filled by the writer, then serialized into one segment file.
///
/// A ``DocumentBuilder`` fills it one document at a time: ``addDocument(id:stored:)``, then the
/// terms of each text field (``add(term:position:field:)`` and ``finishTextField(_:length:)``),
/// keyword values and numbers. Term numbers are those of the builder's ``VitrinaText/TermAnalysis``,
/// which must keep them until the segment is serialized.
final class SegmentBuilder {
    let schema: Schema
    /// The vocabulary the term numbers refer to.
    let analysis: TermAnalysis
    private(set) var documentCount = 0
    private(set) var ids: [String] = []
    /// Per document: the product in ``StoredProductCodec``'s form.
    private(set) var stored: [[UInt8]] = []
    /// Per field number: its inverted index so far (text fields only).
    private(set) var textFields: [TextFieldBuffer?]
    /// Per field number: the values of each document (keyword fields only).
    private(set) var keywords: [[[String]]?]
    /// Per field number: the value of each document, NaN when missing (numeric fields only).
    private(set) var numbers: [[Double]?]
    /// What the keyword and numeric columns take per document.
    private let perDocumentColumnBytes: Int
    /// A rough count of the memory held, to decide when to flush.
    private(set) var estimatedBytes = 0

    init(schema: Schema, analysis: TermAnalysis) {
        self.schema = schema
        self.analysis = analysis
        textFields = schema.fields.map { field in
            if case .text = field.kind { return TextFieldBuffer() }
            return nil
        }
        keywords = schema.fields.map { $0.kind == .keyword ? [] : nil }
        numbers = schema.fields.map { $0.kind == .numeric ? [] : nil }
        perDocumentColumnBytes = keywords.count { $0 != nil } * 16 + numbers.count { $0 != nil } * 8
    }

    /// Starts a new document (every keyword field empty, every number missing); returns its
    /// number in this segment.
    func addDocument(id: String, stored product: [UInt8]) -> Int {
        let number = documentCount
        documentCount += 1
        ids.append(id)
        stored.append(product)
        estimatedBytes += product.count + id.utf8.count + 64
        for field in keywords.indices { keywords[field]?.append([]) }
        for field in numbers.indices { numbers[field]?.append(.nan) }
        estimatedBytes += perDocumentColumnBytes
        return number
    }

    /// Adds an occurrence of term `term` at `position` in text field `field` of the current document.
    @inline(__always)
    func add(term: Int32, position: Int, field: Int) {
        if let bytes = textFields[field]?.add(term: term, position: position, document: documentCount - 1) {
            estimatedBytes += bytes
        }
    }

    /// Ends text field `field` of the current document, `length` tokens long.
    func finishTextField(_ field: Int, length: Int) {
        textFields[field]?.finish(document: documentCount - 1, length: length)
    }

    /// Sets the values of keyword field `field` of the current document.
    func setKeywords(_ values: [String], field: Int) {
        guard !values.isEmpty else { return }
        keywords[field]?[documentCount - 1] = values
        estimatedBytes += values.reduce(0) { $0 + $1.utf8.count + 16 }
    }

    /// Sets the value of numeric field `field` of the current document.
    func setNumber(_ value: Double, field: Int) {
        numbers[field]?[documentCount - 1] = value
    }

    /// Serializes the segment into the bytes of one segment file.
    func serialize() -> [UInt8] {
        var file = ByteWriter()
        file.write(SegmentFormat.magic)
        file.write(u32: SegmentFormat.version)
        var directory: [(SegmentFormat.Tag, UInt32, Int, Int)] = []
        func section(_ tag: SegmentFormat.Tag, _ field: Int?, _ body: (inout ByteWriter) -> Void) {
            let start = file.count
            body(&file)
            directory.append((tag, field.map(UInt32.init) ?? SegmentFormat.noField, start, file.count - start))
        }

        section(.meta, nil) { out in
            out.write(varint: documentCount)
            out.write(varint: schema.fields.count)
            for field in schema.textFields {
                out.write(varint: field)
                out.write(varint: (textFields[field]?.lengths ?? []).reduce(0) { $0 + Int($1) })
            }
        }
        for field in schema.textFields {
            writeTextField(field, section: section)
        }
        for (number, field) in schema.fields.enumerated() {
            switch field.kind {
            case .text: continue
            case .keyword: writeKeywordField(number, section: section)
            case .numeric:
                section(.numbers, number) { out in
                    // A column with no value at all is left empty.
                    guard let values = numbers[number], values.contains(where: { !$0.isNaN }) else { return }
                    for value in values { out.write(f64: value) }
                }
            }
        }
        section(.ids, nil) { out in
            let sorted = ids.indices.map { (Array(ids[$0].utf8), $0) }.sorted { utf8Less($0.0, $1.0) }
            out.write(varint: sorted.count)
            var offset: UInt32 = 0
            for (bytes, _) in sorted {
                out.write(u32: offset)
                offset += UInt32(bytes.count)
            }
            out.write(u32: offset)
            for (_, document) in sorted { out.write(u32: UInt32(document)) }
            for (bytes, _) in sorted { out.write(bytes) }
        }
        section(.stored, nil) { out in
            // Blocks of `storedBlockSize` documents, each zlib-compressed: block offsets first.
            var blocks: [[UInt8]] = []
            var start = 0
            while start < stored.count {
                let end = min(start + SegmentFormat.storedBlockSize, stored.count)
                var block = ByteWriter()
                for bytes in stored[start..<end] {
                    block.write(varint: bytes.count)
                    block.write(bytes)
                }
                var entry = ByteWriter()
                entry.write(u32: UInt32(block.count))
                entry.write(Deflate.compress(block.bytes))
                blocks.append(entry.bytes)
                start = end
            }
            out.write(varint: blocks.count)
            var offset: UInt64 = 0
            for block in blocks {
                out.write(u64: offset)
                offset += UInt64(block.count)
            }
            out.write(u64: offset)
            for block in blocks { out.write(block) }
        }

        let directoryOffset = file.count
        for (tag, field, offset, length) in directory {
            file.write(u32: tag.rawValue)
            file.write(u32: field)
            file.write(u64: UInt64(offset))
            file.write(u64: UInt64(length))
        }
        file.write(u64: UInt64(directoryOffset))
        file.write(u32: UInt32(directory.count))
        file.write(SegmentFormat.endMagic)
        var bytes = file.bytes
        let crc = CRC32.checksum(bytes)
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: crc >> shift)) }
        return bytes
    }

    private typealias SectionWriter = (SegmentFormat.Tag, Int?, (inout ByteWriter) -> Void) -> Void

    /// Writes the term dictionary, postings, positions and norms of one text field.
    private func writeTextField(_ field: Int, section: SectionWriter) {
        var buffer = textFields[field] ?? TextFieldBuffer()
        buffer.pad(to: documentCount)
        let lists = buffer.postings
        let terms = buffer.sortedTerms(analysis)
        var postingsOut = ByteWriter()
        var positionsOut = ByteWriter()
        var termsOut = ByteWriter()
        var index: [([UInt8], Int)] = []
        var previous: [UInt8] = []
        for (ordinal, (bytes, termNumber)) in terms.enumerated() {
            let entry = lists[termNumber]
            if ordinal % SegmentFormat.termBlockSize == 0 {
                index.append((bytes, termsOut.count))
                previous = []
            }
            let postingsOffset = postingsOut.count
            let positionsOffset = positionsOut.count
            Self.writePostings(entry, into: &postingsOut, positions: &positionsOut)
            let shared = zip(previous, bytes).prefix { $0 == $1 }.count
            termsOut.write(varint: shared)
            termsOut.write(varint: bytes.count - shared)
            termsOut.write(bytes[shared...])
            termsOut.write(varint: entry.documents.count)
            termsOut.write(varint: postingsOffset)
            termsOut.write(varint: positionsOffset)
            previous = bytes
        }
        section(.termIndex, field) { out in
            out.write(varint: terms.count)
            out.write(varint: index.count)
            for (bytes, offset) in index {
                out.write(varint: bytes.count)
                out.write(bytes)
                out.write(varint: offset)
            }
        }
        section(.terms, field) { $0.write(termsOut.bytes) }
        section(.postings, field) { $0.write(postingsOut.bytes) }
        section(.positions, field) { $0.write(positionsOut.bytes) }
        section(.norms, field) { out in
            // A field no document has is left empty.
            guard buffer.lengths.contains(where: { $0 > 0 }) else { return }
            for value in buffer.lengths {
                out.write(UInt8(value & 0xFF))
                out.write(UInt8(value >> 8))
            }
        }
    }

    /// Writes one term's postings in blocks of 128 documents, and its positions.
    static func writePostings(
        _ entry: TextFieldBuffer.TermPostings, into out: inout ByteWriter, positions: inout ByteWriter
    ) {
        var start = 0
        var positionIndex = 0
        var previousDocument: UInt32 = 0
        var first = true
        while start < entry.documents.count {
            let end = min(start + SegmentFormat.postingsBlockSize, entry.documents.count)
            var block = ByteWriter()
            for index in start..<end {
                let document = entry.documents[index]
                block.write(varint: UInt64(first ? document : document - previousDocument))
                first = false
                previousDocument = document
                block.write(varint: UInt64(entry.frequencies[index]))
                var previousPosition: UInt32 = 0
                for offset in 0..<Int(entry.frequencies[index]) {
                    let position = entry.positions[positionIndex + offset]
                    positions.write(varint: UInt64(position - previousPosition))
                    previousPosition = position
                }
                positionIndex += Int(entry.frequencies[index])
            }
            out.write(varint: end - start)
            out.write(varint: UInt64(entry.documents[end - 1]))
            out.write(varint: block.count)
            out.write(block.bytes)
            start = end
        }
    }

    /// Writes the sorted distinct values and the per-document ordinals of one keyword field.
    private func writeKeywordField(_ field: Int, section: SectionWriter) {
        let perDocument = keywords[field] ?? Array(repeating: [], count: documentCount)
        let distinct = Set(perDocument.joined()).map { (Array($0.utf8), $0) }.sorted { utf8Less($0.0, $1.0) }
        var ordinals: [String: UInt32] = [:]
        for (ordinal, (_, value)) in distinct.enumerated() { ordinals[value] = UInt32(ordinal) }
        section(.keywordValues, field) { out in
            out.write(varint: distinct.count)
            for (bytes, _) in distinct {
                out.write(varint: bytes.count)
                out.write(bytes)
            }
        }
        section(.keywordDocs, field) { out in
            // A field no document has is left empty.
            guard !distinct.isEmpty else { return }
            var offset: UInt32 = 0
            for values in perDocument {
                out.write(u32: offset)
                offset += UInt32(values.count)
            }
            out.write(u32: offset)
            for values in perDocument {
                for value in values { out.write(u32: ordinals[value] ?? 0) }
            }
        }
    }
}
