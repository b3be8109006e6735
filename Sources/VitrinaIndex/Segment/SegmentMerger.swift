/// Merges segments into the bytes of one new segment file without analyzing anything again.
///
/// Live documents keep their order (segment by segment) and are numbered anew; deleted ones are
/// left behind. Each structure is merged as it is stored: term dictionaries are merged in byte
/// order and each term's postings and positions are copied with the new document numbers (then
/// blocked, bit-packed and bounded as the builder does), norms and numeric and keyword columns
/// are copied per document (keyword ordinals mapped to the merged sorted values), the id table is
/// sorted again, and stored summaries and details are copied as bytes into new compressed blocks.
/// The result is the file that indexing the live products afresh would give (tests check it), at
/// a fraction of the cost: nothing is tokenized, normalized or stemmed.
struct SegmentMerger {
    /// One segment to merge and its deleted documents.
    struct Source {
        var reader: SegmentReader
        var deletions: DeletionSet?
    }

    let schema: Schema
    let sources: [Source]

    /// The merged file's bytes and its document count (0 when no document is live: no file).
    func merge() throws -> (bytes: [UInt8], documentCount: Int) {
        // Old document → new document (-1 when deleted), per source.
        var maps: [[Int32]] = []
        var live: [[Int]] = []
        var documentCount = 0
        for source in sources {
            var map = [Int32](repeating: -1, count: source.reader.documentCount)
            var kept: [Int] = []
            for document in 0..<source.reader.documentCount where !(source.deletions?.contains(document) ?? false) {
                map[document] = Int32(documentCount)
                kept.append(document)
                documentCount += 1
            }
            maps.append(map)
            live.append(kept)
        }
        guard documentCount > 0 else { return ([], 0) }

        var lengths: [Int: [UInt16]] = [:]
        for field in schema.textFields {
            var merged: [UInt16] = []
            merged.reserveCapacity(documentCount)
            for (index, source) in sources.enumerated() {
                let norms = source.reader.norms(field: field)
                for document in live[index] { merged.append(UInt16(clamping: norms.length(document))) }
            }
            lengths[field] = merged
        }

        var file = SegmentFileWriter()
        file.section(.meta, nil) { out in
            out.write(varint: documentCount)
            out.write(varint: schema.fields.count)
            for field in schema.textFields {
                out.write(varint: field)
                out.write(varint: (lengths[field] ?? []).reduce(0) { $0 + Int($1) })
            }
        }
        for field in schema.textFields {
            let fieldLengths = lengths[field] ?? []
            var dictionary = SortedTableWriter(deltas: SegmentFormat.termDeltas)
            var postings = ByteWriter()
            var positions = ByteWriter()
            try mergeTerms(field: field, maps: maps) { term, entry in
                let postingsOffset = postings.count
                let positionsOffset = positions.count
                let bound = SegmentBuilder.writePostings(
                    entry, lengths: fieldLengths, into: &postings, positions: &positions)
                dictionary.add(
                    term, values: [entry.documents.count, postingsOffset, positionsOffset, Int(bound.0), Int(bound.1)])
            }
            file.section(.termIndex, field) { $0.write(dictionary.indexBytes()) }
            file.section(.terms, field) { $0.write(dictionary.body.bytes) }
            file.section(.postings, field) { $0.write(postings.bytes) }
            file.section(.positions, field) { $0.write(positions.bytes) }
            file.section(.norms, field) { NormsColumn.write(fieldLengths, into: &$0) }
        }
        for (number, field) in schema.fields.enumerated() {
            switch field.kind {
            case .text: continue
            case .keyword: try mergeKeywords(field: number, live: live, documentCount: documentCount, into: &file)
            case .numeric:
                var values: [Double] = []
                values.reserveCapacity(documentCount)
                for (index, source) in sources.enumerated() {
                    let column = source.reader.numbers(field: number)
                    for document in live[index] { values.append(column.value(document) ?? .nan) }
                }
                file.section(.numbers, number) { NumericColumn.write(values, into: &$0) }
            }
        }

        var ids: [([UInt8], Int)] = []
        ids.reserveCapacity(documentCount)
        for (index, source) in sources.enumerated() {
            try source.reader.forEachID { id, document in
                guard document < maps[index].count, maps[index][document] >= 0 else { return }
                ids.append((Array(id.utf8), Int(maps[index][document])))
            }
        }
        ids.sort { $0.0 != $1.0 ? utf8Less($0.0, $1.0) : $0.1 < $1.1 }
        var idTable = SortedTableWriter()
        for (bytes, document) in ids { idTable.add(bytes, values: [document]) }
        file.section(.idIndex, nil) { $0.write(idTable.indexBytes()) }
        file.section(.ids, nil) { $0.write(idTable.body.bytes) }

        var summaries: [ArraySlice<UInt8>] = []
        var details: [ArraySlice<UInt8>] = []
        summaries.reserveCapacity(documentCount)
        details.reserveCapacity(documentCount)
        for (index, source) in sources.enumerated() {
            for document in live[index] {
                let (summary, rest) = try source.reader.storedParts(document: document)
                summaries.append(summary[...])
                details.append(rest[...])
            }
        }
        file.section(.summaries, nil) {
            StoredBlocks.write(summaries, documentsPerBlock: SegmentFormat.summaryBlockSize, into: &$0)
        }
        file.section(.details, nil) {
            StoredBlocks.write(details, documentsPerBlock: SegmentFormat.detailsBlockSize, into: &$0)
        }
        return (file.finish(), documentCount)
    }

    /// Calls `body` with each term of `field` over all sources, in byte order, and its postings
    /// with the new document numbers (terms whose documents are all deleted are left out).
    private func mergeTerms(
        field: Int, maps: [[Int32]], _ body: ([UInt8], TextFieldBuffer.TermPostings) throws -> Void
    ) throws {
        // Each source's terms, in order.
        var lists: [[(term: [UInt8], info: TermInfo)]] = []
        for source in sources {
            var terms: [(term: [UInt8], info: TermInfo)] = []
            terms.reserveCapacity(source.reader.termCount(field: field))
            try source.reader.scanTerms(field: field, from: UnsafeRawBufferPointer(start: nil, count: 0)) {
                term, info in
                terms.append((Array(term), info))
                return .next
            }
            lists.append(terms)
        }
        var heads = [Int](repeating: 0, count: lists.count)
        var positions: [Int32] = []
        while true {
            // The smallest term at any head (a handful of sources: a linear pick is enough).
            var smallest: [UInt8]?
            for (index, list) in lists.enumerated() where heads[index] < list.count {
                let term = list[heads[index]].term
                if let current = smallest, !utf8Less(term, current) { continue }
                smallest = term
            }
            guard let term = smallest else { return }
            var entry = TextFieldBuffer.TermPostings()
            for (index, list) in lists.enumerated() where heads[index] < list.count && list[heads[index]].term == term {
                let info = list[heads[index]].info
                heads[index] += 1
                let map = maps[index]
                let cursor = try sources[index].reader.cursor(field: field, info: info)
                try cursor.next()
                while cursor.doc != PostingsCursor.end {
                    let document = Int(cursor.doc)
                    guard document < map.count else {
                        throw IndexError.corrupt(
                            file: sources[index].reader.file.path, offset: nil, "document \(document) out of range")
                    }
                    let target = map[document]
                    if target >= 0 {
                        try cursor.positions(into: &positions)
                        entry.documents.append(UInt32(target))
                        entry.frequencies.append(UInt32(positions.count))
                        for position in positions { entry.positions.append(UInt32(position)) }
                    }
                    try cursor.next()
                }
            }
            if !entry.documents.isEmpty { try body(term, entry) }
        }
    }

    /// Writes the merged values and per-document ordinals of keyword field `field`.
    private func mergeKeywords(field: Int, live: [[Int]], documentCount: Int, into file: inout SegmentFileWriter)
        throws
    {
        // Per source: each live document's values, as the source's ordinals.
        var perDocument: [[Int]] = []
        perDocument.reserveCapacity(documentCount)
        var used: Set<String> = []
        for (index, source) in sources.enumerated() {
            let column = source.reader.keywords(field: field)
            let values = source.reader.keywordValues[field] ?? []
            for document in live[index] {
                let ordinals = try column.ordinals(document).filter { $0 < values.count }
                for ordinal in ordinals { used.insert(values[ordinal]) }
                perDocument.append(ordinals)
            }
        }
        let distinct = used.map { (Array($0.utf8), $0) }.sorted { utf8Less($0.0, $1.0) }
        var newOrdinals: [String: UInt32] = [:]
        for (ordinal, (_, value)) in distinct.enumerated() { newOrdinals[value] = UInt32(ordinal) }
        var ordinals: [[UInt32]] = []
        ordinals.reserveCapacity(documentCount)
        var position = 0
        for (index, source) in sources.enumerated() {
            let values = source.reader.keywordValues[field] ?? []
            for _ in live[index] {
                let mapped = perDocument[position].compactMap { newOrdinals[values[$0]] }
                ordinals.append(Array(Set(mapped)).sorted())
                position += 1
            }
        }
        file.section(.keywordValues, field) { out in
            out.write(varint: distinct.count)
            var previous: [UInt8] = []
            for (bytes, _) in distinct {
                let shared = zip(previous, bytes).prefix { $0 == $1 }.count
                out.write(varint: shared)
                out.write(varint: bytes.count - shared)
                out.write(bytes[shared...])
                previous = bytes
            }
        }
        file.section(.keywordDocs, field) { out in
            KeywordColumn.write(ordinals, valueCount: distinct.count, into: &out)
        }
    }
}
