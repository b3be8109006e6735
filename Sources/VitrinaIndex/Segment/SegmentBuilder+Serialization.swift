import VitrinaText

extension SegmentBuilder {
    /// Serializes the segment into the bytes of one segment file (format ``SegmentFormat/version``).
    func serialize() throws -> [UInt8] {
        var file = SegmentFileWriter()
        func section(_ tag: SegmentFormat.Tag, _ field: Int?, _ body: (inout ByteWriter) throws -> Void) rethrows {
            try file.section(tag, field, body)
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
            var buffer = textFields[field] ?? TextFieldBuffer()
            buffer.pad(to: documentCount)
            let written = Self.writeTextField(buffer, analysis: analysis)
            section(.termIndex, field) { $0.write(written.dictionary.indexBytes()) }
            section(.terms, field) { $0.write(written.dictionary.body.bytes) }
            section(.postings, field) { $0.write(written.postings.bytes) }
            section(.positions, field) { $0.write(written.positions.bytes) }
            section(.norms, field) { NormsColumn.write(buffer.lengths, into: &$0) }
        }
        for (number, field) in schema.fields.enumerated() {
            switch field.kind {
            case .text: continue
            case .keyword:
                let (distinct, perDocumentOrdinals) = keywordColumn(number)
                section(.keywordValues, number) { out in
                    // Front-coded: the length shared with the previous value, then the rest.
                    out.write(varint: distinct.count)
                    var previous: [UInt8] = []
                    for bytes in distinct {
                        let shared = zip(previous, bytes).prefix { $0 == $1 }.count
                        out.write(varint: shared)
                        out.write(varint: bytes.count - shared)
                        out.write(bytes[shared...])
                        previous = bytes
                    }
                }
                section(.keywordDocs, number) { out in
                    // Each value once per document, ordinals ascending.
                    KeywordColumn.write(perDocumentOrdinals, valueCount: distinct.count, into: &out)
                }
            case .numeric:
                section(.numbers, number) { NumericColumn.write(numbers[number] ?? [], into: &$0) }
            }
        }
        var idTable = SortedTableWriter()
        for (bytes, document) in ids.indices.map({ (Array(ids[$0].utf8), $0) }).sorted(by: { utf8Less($0.0, $1.0) }) {
            idTable.add(bytes, values: [document])
        }
        section(.idIndex, nil) { $0.write(idTable.indexBytes()) }
        section(.ids, nil) { $0.write(idTable.body.bytes) }
        var summaries: [ArraySlice<UInt8>] = []
        var details: [ArraySlice<UInt8>] = []
        summaries.reserveCapacity(stored.count)
        details.reserveCapacity(stored.count)
        for bytes in stored {
            let (summary, rest) = try Self.split(bytes)
            summaries.append(summary)
            details.append(rest)
        }
        section(.summaries, nil) {
            StoredBlocks.write(summaries, documentsPerBlock: SegmentFormat.summaryBlockSize, into: &$0)
        }
        section(.details, nil) {
            StoredBlocks.write(details, documentsPerBlock: SegmentFormat.detailsBlockSize, into: &$0)
        }

        return file.finish()
    }

    /// The summary and rest parts of stored bytes (older stored versions are re-encoded).
    static func split(_ bytes: [UInt8]) throws -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        var encoded = bytes
        if bytes.first != StoredProductCodec.version {
            let product = try bytes.withUnsafeBytes { try StoredProductCodec.decode($0, file: "(indexing buffer)") }
            encoded = StoredProductCodec.encode(product)
        }
        let (summaryStart, summaryEnd) = try encoded.withUnsafeBytes { raw in
            var reader = ByteReader(raw, file: "(indexing buffer)")
            _ = try reader.readByte()
            let length = try reader.readInt()
            guard reader.offset + length <= raw.count else {
                throw IndexError.corrupt(file: "(indexing buffer)", offset: nil, "stored summary out of range")
            }
            return (reader.offset, reader.offset + length)
        }
        return (encoded[summaryStart..<summaryEnd], encoded[summaryEnd...])
    }

    /// One text field's dictionary, postings and positions.
    private struct WrittenField {
        var dictionary = SortedTableWriter(deltas: SegmentFormat.termDeltas)
        var postings = ByteWriter()
        var positions = ByteWriter()
    }

    /// Writes the term dictionary, postings and positions of one text field.
    private static func writeTextField(_ buffer: TextFieldBuffer, analysis: TermAnalysis) -> WrittenField {
        var written = WrittenField()
        let terms = buffer.sortedTerms(analysis)
        for (bytes, termNumber) in terms {
            let entry = buffer.postings[termNumber]
            let postingsOffset = written.postings.count
            let positionsOffset = written.positions.count
            let bound = writePostings(
                entry, lengths: buffer.lengths, into: &written.postings, positions: &written.positions)
            written.dictionary.add(
                bytes,
                values: [entry.documents.count, postingsOffset, positionsOffset, Int(bound.0), Int(bound.1)])
        }
        return written
    }

    /// Writes one term's postings (skip table, then blocks of 128) and positions; returns the
    /// term's largest frequency and smallest field length.
    static func writePostings(
        _ entry: TextFieldBuffer.TermPostings, lengths: [UInt16], into out: inout ByteWriter,
        positions: inout ByteWriter
    ) -> (UInt32, UInt32) {
        let size = SegmentFormat.postingsBlockSize
        let count = entry.documents.count
        let blockTotal = (count + size - 1) / size
        let termStart = out.count
        let positionsStart = positions.count
        // Skip entries are filled in once the blocks are written.
        let skipStart = out.count
        if blockTotal > 1 { out.write([UInt8](repeating: 0, count: blockTotal * SegmentFormat.skipEntrySize)) }
        var termFrequency: UInt32 = 0
        var termLength = UInt32.max
        var previous = -1
        var positionIndex = 0
        var skips: [(last: UInt32, data: UInt32, positions: UInt32, frequency: UInt32, length: UInt16)] = []
        for block in 0..<blockTotal {
            let range = (block * size)..<min(count, (block + 1) * size)
            let dataOffset = out.count - termStart
            let blockPositions = positions.count - positionsStart
            var maximumFrequency: UInt32 = 0
            var minimumLength = UInt32.max
            for index in range {
                maximumFrequency = max(maximumFrequency, entry.frequencies[index])
                minimumLength = min(minimumLength, UInt32(lengths[Int(entry.documents[index])]))
                var previousPosition: UInt32 = 0
                for offset in 0..<Int(entry.frequencies[index]) {
                    let position = entry.positions[positionIndex + offset]
                    positions.write(varint: UInt64(position - previousPosition))
                    previousPosition = position
                }
                positionIndex += Int(entry.frequencies[index])
            }
            if range.count == size {
                var deltas: [UInt64] = []
                deltas.reserveCapacity(size)
                var last = previous
                for index in range {
                    deltas.append(UInt64(Int(entry.documents[index]) - last - 1))
                    last = Int(entry.documents[index])
                }
                let docWidth = BitPacking.width(deltas.max() ?? 0)
                let frequencyWidth = BitPacking.width(UInt64(maximumFrequency - 1))
                out.write(UInt8(docWidth))
                out.write(UInt8(frequencyWidth))
                BitPacking.pack(deltas, width: docWidth, into: &out)
                BitPacking.pack(
                    entry.frequencies[range].lazy.map { UInt64($0 - 1) }, width: frequencyWidth, into: &out)
            } else {
                var last = previous
                for index in range {
                    out.write(varint: Int(entry.documents[index]) - last - 1)
                    out.write(varint: Int(entry.frequencies[index] - 1))
                    last = Int(entry.documents[index])
                }
            }
            previous = Int(entry.documents[range.upperBound - 1])
            skips.append(
                (
                    UInt32(previous), UInt32(dataOffset), UInt32(blockPositions), maximumFrequency,
                    UInt16(clamping: minimumLength)
                ))
            termFrequency = max(termFrequency, maximumFrequency)
            termLength = min(termLength, minimumLength)
        }
        if blockTotal > 1 {
            var table = ByteWriter()
            for skip in skips {
                table.write(u32: skip.last)
                table.write(u32: skip.data)
                table.write(u32: skip.positions)
                table.write(u32: skip.frequency)
                table.write(UInt8(truncatingIfNeeded: skip.length))
                table.write(UInt8(truncatingIfNeeded: skip.length >> 8))
            }
            out.replace(at: skipStart, with: table.bytes)
        }
        return (termFrequency, termLength == UInt32.max ? 0 : termLength)
    }
}
