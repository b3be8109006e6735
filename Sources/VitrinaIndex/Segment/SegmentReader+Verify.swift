extension SegmentReader {
    /// What ``verify(schema:)`` read.
    struct Verification {
        /// Distinct terms over all text fields.
        var terms = 0
        /// Postings read.
        var postings = 0
        /// The id of each document (from the id table).
        var ids: [String] = []
    }

    /// Reads every structure of the segment and checks the invariants its readers rely on.
    ///
    /// That is: dictionaries sorted with their counts, postings in document order within the document
    /// count with their document frequency, positions readable, keyword values sorted and every
    /// ordinal in range, ids sorted with each document exactly once, and every stored product
    /// decodable under its own id. Opening has already checked the checksum and the layout.
    ///
    /// - Throws: ``IndexError`` `corrupt` naming the file and, where known, the offset.
    func verify(schema: Schema) throws -> Verification {
        var result = Verification()
        for field in schema.textFields {
            var previous: [UInt8]?
            var count = 0
            var failure: IndexError?
            try scanTerms(field: field, from: []) { term, info in
                if let previous, !utf8Less(previous, term) {
                    failure = corrupt(
                        "terms of field \(field) out of order at \"\(String(decoding: term, as: UTF8.self))\"")
                    return false
                }
                previous = term
                count += 1
                // The cursor checks each block (documents ascending within the segment, skip entries).
                let cursor = try cursor(field: field, info: info)
                var positions: [Int32] = []
                var read = 0
                var last: Int32 = -1
                try cursor.next()
                while cursor.doc != PostingsCursor.end {
                    guard cursor.doc > last, cursor.frequency > 0 else {
                        failure = corrupt("postings of a term of field \(field) out of order")
                        return false
                    }
                    last = cursor.doc
                    try cursor.positions(into: &positions)
                    read += 1
                    try cursor.next()
                }
                guard read == info.documentFrequency else {
                    failure = corrupt(
                        "a term of field \(field) has \(read) postings, its entry says \(info.documentFrequency)")
                    return false
                }
                result.postings += read
                return true
            }
            if let failure { throw failure }
            guard count == termCount(field: field) else {
                throw corrupt("field \(field): \(count) terms, the dictionary index says \(termCount(field: field))")
            }
            result.terms += count
        }
        for (field, values) in keywordValues {
            let bytes = values.map { Array($0.utf8) }
            guard zip(bytes, bytes.dropFirst()).allSatisfy({ utf8Less($0, $1) }) else {
                throw corrupt("keyword values of field \(field) out of order")
            }
            for document in 0..<documentCount {
                for ordinal in try keywordOrdinals(field: field, document: document) where ordinal >= values.count {
                    throw corrupt(
                        "document \(document): keyword ordinal \(ordinal) of \(values.count) in field \(field)")
                }
            }
        }
        var ids = [String?](repeating: nil, count: documentCount)
        var previous: [UInt8]?
        try forEachID { id, document in
            let bytes = Array(id.utf8)
            if let previous, utf8Less(bytes, previous) { throw corrupt("id table out of order at \"\(id)\"") }
            previous = bytes
            guard ids[document] == nil else { throw corrupt("document \(document) has two ids") }
            ids[document] = id
        }
        for document in 0..<documentCount {
            guard let id = ids[document] else { throw corrupt("document \(document) has no id") }
            let product = try storedProduct(document: document)
            guard product.id == id else {
                throw corrupt("document \(document) stores product \"\(product.id)\" under id \"\(id)\"")
            }
            result.ids.append(id)
        }
        return result
    }

    private func corrupt(_ message: String) -> IndexError {
        IndexError.corrupt(file: file.path, offset: nil, message)
    }
}
